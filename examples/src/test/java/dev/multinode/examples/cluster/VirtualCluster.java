package dev.multinode.examples.cluster;

import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.net.VirtualWorld;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link ExampleCluster} on every node of a {@link VirtualWorld}, for unit tests. */
public final class VirtualCluster {

    /** Long enough for anything the default timings do; virtual, so it costs nothing when unused. */
    public static final Duration LIMIT = Duration.ofSeconds(30);

    private final VirtualWorld world;
    private final Map<String, ExampleCluster> nodes = new LinkedHashMap<>();

    private VirtualCluster(VirtualWorld world) {
        this.world = world;
    }

    /**
     * Starts the cluster on every role at virtual time zero and waits until each node sees every role up.
     *
     * @param settings the settings of every node
     * @param roles    the roles; the first is the seed unless the settings name another
     * @return the running cluster
     */
    public static VirtualCluster startUp(ClusterSettings settings, String... roles) {
        VirtualCluster cluster = new VirtualCluster(new VirtualWorld(roles));
        for (String role : roles) {
            cluster.nodes.put(role, ExampleCluster.start(cluster.world.network(role), settings));
        }
        cluster.world.runUntil("all up", () -> cluster.nodes.values().stream().allMatch(
                c -> c.membership().view().upMembers().size() == roles.length), LIMIT);
        return cluster;
    }

    /** @return the world, to drive time and inject faults */
    public VirtualWorld world() {
        return world;
    }

    /**
     * @param role a role
     * @return the cluster on that node
     */
    public ExampleCluster node(String role) {
        return nodes.get(role);
    }

    /**
     * Starts the next incarnation of a killed node with the cluster on it; it joins on its own.
     *
     * @param role     the killed node
     * @param settings the settings of every node
     * @return the cluster on the new incarnation
     */
    public ExampleCluster restart(String role, ClusterSettings settings) {
        ExampleCluster next = ExampleCluster.start(world.restart(role), settings);
        nodes.put(role, next);
        return next;
    }

    /**
     * Kills a node and runs until every other node has removed it.
     *
     * @param role the node
     */
    public void killAndAwaitRemoval(String role) {
        world.kill(role);
        awaitStatus(role, MemberStatus.REMOVED);
    }

    /**
     * Runs until every live node other than {@code role} sees it with that status.
     *
     * @param role   the member
     * @param status the status
     */
    public void awaitStatus(String role, MemberStatus status) {
        world.runUntil(role + " " + status + " everywhere", () -> nodes.entrySet().stream()
                .filter(e -> !e.getKey().equals(role) && world.isAlive(e.getKey()))
                .allMatch(e -> e.getValue().membership().view().hasStatus(role, status)), LIMIT);
    }
}
