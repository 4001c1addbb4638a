package dev.multinode.examples.cluster.sharding;

import java.util.List;

/**
 * A test entity: "inc" counts, "count" tells the count, "boom" throws; starts and stops are logged as
 * "start id@home" and "stop id@home".
 */
final class CountingEntity implements Entity {

    private final EntityContext context;
    private final List<String> events;
    private int count;

    CountingEntity(EntityContext context, List<String> events) {
        this.context = context;
        this.events = events;
        events.add("start " + context.entityId() + "@" + context.home());
    }

    @Override
    public String onMessage(String message) {
        switch (message) {
            case "inc" -> count++;
            case "count" -> { }
            case "boom" -> throw new IllegalStateException("boom in " + context.entityId());
            default -> throw new IllegalArgumentException("unexpected message " + message);
        }
        return Integer.toString(count);
    }

    @Override
    public void onStop() {
        events.add("stop " + context.entityId() + "@" + context.home());
    }
}
