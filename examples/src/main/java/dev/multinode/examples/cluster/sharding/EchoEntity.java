package dev.multinode.examples.cluster.sharding;

/**
 * The default entity: answers an ask with {@code "<message> from <id>@<home>"}, so a reply shows which
 * node handled it.
 */
public final class EchoEntity implements Entity {

    private final EntityContext context;

    /**
     * @param context the entity's id, shard and home
     */
    public EchoEntity(EntityContext context) {
        this.context = context;
    }

    @Override
    public String onMessage(String message) {
        return message + " from " + context.entityId() + "@" + context.home();
    }
}
