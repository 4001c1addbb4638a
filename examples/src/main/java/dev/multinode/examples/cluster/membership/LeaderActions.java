package dev.multinode.examples.cluster.membership;

/**
 * What the leader does to the member table on each gossip round: joining members move up, each with
 * the next up-number (in role order, after every number the view's entries hold), and down members are removed.
 */
public final class LeaderActions {

    private LeaderActions() {
    }

    /**
     * @param view the leader's view
     * @return the view after the leader's actions; the same instance if there was nothing to do
     */
    public static ClusterView apply(ClusterView view) {
        ClusterView result = view;
        int next = view.maxUpNumber();
        for (Member member : view.members()) {
            if (member.status() == MemberStatus.JOINING) {
                result = result.with(member.up(++next));
            } else if (member.status() == MemberStatus.DOWN) {
                result = result.with(member.withStatus(MemberStatus.REMOVED));
            }
        }
        return result;
    }
}
