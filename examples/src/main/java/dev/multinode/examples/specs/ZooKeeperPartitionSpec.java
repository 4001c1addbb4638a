package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.MultiNode;
import dev.multinode.Node;
import dev.multinode.SpecBuilder;
import dev.multinode.examples.zookeeper.LocalClient;
import dev.multinode.examples.zookeeper.ZooKeeperPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.zookeeper.KeeperException.Code;

/**
 * A real third-party system: an unmodified Apache ZooKeeper ensemble of three, one quorum peer per
 * node, configured through the harness's ports and addresses, and one client per node of its own
 * server. The ensemble elects a leader, on which every node agrees, and a write through one node's
 * client is read through every other's. Then the leader is partitioned away from the other two:
 * those elect a new leader among themselves and accept a write, while the old leader stops serving
 * and its client's write fails with a connection loss. After the heal the old leader follows the
 * new one and reads the write it missed, and never the one it refused.
 *
 * <p>The partition reaches ZooKeeper's own sockets because {@link Node#address} hands each node a
 * relay of the link in between, and every connection between two peers is one a node dialled from
 * its own configuration: the learners' to the leader's quorum port, and the election connections,
 * which the configuration lets only the peer of higher id open (see
 * {@code dev.multinode.examples.zookeeper.EnsembleConfig}: ZooKeeper would otherwise dial back an
 * announced address, which no relay is in front of).
 */
public final class ZooKeeperPartitionSpec {

    /** The roles of the spec. */
    public static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private static final String BEFORE = "/before-partition";
    private static final String DURING = "/during-partition";
    private static final String REFUSED = "/refused-by-old-leader";
    /** The first election waits for three JVMs to load ZooKeeper: a few seconds in process launch. */
    private static final Duration FIRST_ELECTION = Duration.ofSeconds(20);
    /** A lost leader is noticed within 500 ms (syncLimit) and an election of two takes about as long. */
    private static final Duration ELECTION = Duration.ofSeconds(10);
    private static final Duration REPLICATION = Duration.ofSeconds(10);
    /** One client call; a server that does not serve answers at once with a connection loss. */
    private static final Duration CALL = Duration.ofSeconds(5);

    private ZooKeeperPartitionSpec() {
    }

    /** Runs the spec with the settings of the {@code multinode.*} system properties. */
    public static void run() {
        run(UnaryOperator.identity());
    }

    /**
     * Runs the spec.
     *
     * @param options sets options (transport, launch, name, ...) on the spec of {@link #ROLES}
     * @throws dev.multinode.MultiNodeFailure if a node fails
     */
    public static void run(UnaryOperator<SpecBuilder> options) {
        options.apply(MultiNode.spec(ROLES.toArray(String[]::new))).run(ZooKeeperPartitionSpec::body);
    }

    /**
     * The script every node runs: {@link #run} runs it, and so does its test, as a JUnit
     * {@code @MultiNodeTest} over every transport.
     *
     * @param node this node
     * @throws Exception if this node's part of the spec fails
     */
    public static void body(Node node) throws Exception {
        ZooKeeperPeer peer = ZooKeeperPeer.start(node);
        Set<String> everyone = Set.copyOf(node.roles());
        String leader = agreeOnLeader(node, peer, "ensemble-up", everyone, FIRST_ELECTION);
        // connected once its server serves: a client turned away retries after up to a second
        LocalClient client = LocalClient.connect(node);
        node.runOn(leader, () -> expectCreated(node, client, BEFORE));
        expectValue(node, client, BEFORE, leader, "written-everywhere");
        node.enterBarrier("written-everywhere");

        Set<String> majority = new TreeSet<>(everyone);
        majority.remove(leader);
        node.runOn(leader, () -> node.faults().partition(Set.of(leader), majority));
        node.enterBarrier("leader-partitioned");

        String newLeader = agreeOnLeader(node, peer, "leader-after-partition", majority, ELECTION);
        node.runOn(leader, () -> {
            Await.awaitAssert(() -> {
                if (peer.serving()) {
                    throw new AssertionError(leader + ", partitioned away from " + majority + ", still serves: "
                            + peer.describe());
                }
            }, ELECTION);
            Optional<Code> answer = client.create(REFUSED, "written by " + leader, CALL);
            if (answer.isEmpty() || answer.get() != Code.CONNECTIONLOSS) {
                throw new AssertionError(leader + ", partitioned away from " + majority + ", answered a write with "
                        + answer.map(Code::toString).orElse("nothing within " + CALL.toMillis() + " ms")
                        + ", expected " + Code.CONNECTIONLOSS + "; its peer is " + peer.describe());
            }
        });
        String writer = majority.iterator().next();
        node.runOn(writer, () -> expectCreated(node, client, DURING));
        node.runOn(majority, () -> expectValue(node, client, DURING, writer, "majority-wrote"));
        node.enterBarrier("majority-wrote");

        node.runOn(leader, () -> node.faults().heal());
        node.enterBarrier("healed");

        String afterHeal = agreeOnLeader(node, peer, "leader-after-heal", everyone, ELECTION);
        if (!afterHeal.equals(newLeader)) {
            throw new AssertionError(node.role() + ": after the heal the ensemble follows " + afterHeal
                    + ", expected the leader the majority elected, " + newLeader);
        }
        node.runOn(leader, () -> {
            expectValue(node, client, DURING, writer, "old-leader-rejoined");
            Optional<String> refused = client.read(REFUSED, CALL);
            if (refused.isPresent()) {
                throw new AssertionError(leader + " refused the write of " + REFUSED + " during the partition, yet it exists: "
                        + refused.get());
            }
        });
        node.enterBarrier("old-leader-rejoined");
    }

    /**
     * Waits until this node's peer serves under a leader, if it is one of the voters, then gathers
     * every node's view (the all-gather is the step's barrier): the voters must name one leader, among
     * themselves.
     */
    private static String agreeOnLeader(Node node, ZooKeeperPeer peer, String step, Set<String> voters, Duration bound) {
        String view = "(not a voter)";
        if (voters.contains(node.role())) {
            AtomicReference<String> seen = new AtomicReference<>();
            Await.awaitAssert(() -> seen.set(peer.leader().filter(voters::contains).orElseThrow(() -> new AssertionError(
                    node.role() + " at " + step + ": its peer is " + peer.describe() + ", expected it to serve under one of "
                            + new TreeSet<>(voters)))), bound);
            view = seen.get();
        }
        Map<String, String> views = node.exchange(step, view);
        Set<String> leaders = new TreeSet<>();
        voters.forEach(voter -> leaders.add(views.get(voter)));
        if (leaders.size() != 1) {
            throw new AssertionError(node.role() + " at " + step + ": the nodes disagree on the leader: " + views);
        }
        return leaders.iterator().next();
    }

    /**
     * Creates the path through this node's client, retrying while the client reconnects to its server
     * (a connection loss: it follows a new leader); a retry that finds the path as this node wrote it
     * had succeeded the first time.
     */
    private static void expectCreated(Node node, LocalClient client, String path) {
        String value = "written by " + node.role();
        Await.awaitAssert(() -> {
            Optional<Code> answer = client.create(path, value, CALL);
            boolean created = answer.isPresent() && (answer.get() == Code.OK
                    || answer.get() == Code.NODEEXISTS && client.read(path, CALL).filter(value::equals).isPresent());
            if (!created) {
                throw new AssertionError(node.role() + " could not create " + path + ": "
                        + answer.map(Code::toString).orElse("no answer within " + CALL.toMillis() + " ms"));
            }
        }, ELECTION);
    }

    /** Waits until this node's server has the path as the writer created it. */
    private static void expectValue(Node node, LocalClient client, String path, String writer, String step) {
        String expected = "written by " + writer;
        Await.awaitAssert(() -> {
            Optional<String> value = client.read(path, CALL);
            if (!value.equals(Optional.of(expected))) {
                throw new AssertionError(node.role() + " at " + step + ": its server has " + path + " = "
                        + value.orElse("(none)") + ", expected '" + expected + "'");
            }
        }, REPLICATION);
    }
}
