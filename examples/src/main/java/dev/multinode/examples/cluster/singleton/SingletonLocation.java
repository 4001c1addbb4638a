package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import java.util.Optional;

/**
 * Where singletons live, as one node's view says: on the {@linkplain ClusterView#oldest() oldest}
 * member. An unreachable or down oldest member keeps the place until it is removed; meanwhile
 * messages for singletons have nowhere to go and wait.
 */
public final class SingletonLocation {

    private SingletonLocation() {
    }

    /**
     * @param view a node's view
     * @param self that node's role
     * @return whether singletons run on {@code self}: it is the oldest and, as far as it knows, still in
     *         the cluster (others may think it unreachable; it is not, to itself)
     */
    public static boolean runsOn(ClusterView view, String self) {
        return view.oldest()
                .filter(m -> m.role().equals(self))
                .filter(m -> m.status() == MemberStatus.UP || m.status() == MemberStatus.UNREACHABLE)
                .isPresent();
    }

    /**
     * @param view a node's view
     * @param self that node's role
     * @return the role to send singleton messages to now, or empty while the oldest member cannot take
     *         them (unreachable, down, or there is none yet)
     */
    public static Optional<String> target(ClusterView view, String self) {
        Optional<Member> oldest = view.oldest();
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        String role = oldest.get().role();
        boolean available = role.equals(self) ? runsOn(view, self) : oldest.get().status() == MemberStatus.UP;
        return available ? Optional.of(role) : Optional.empty();
    }
}
