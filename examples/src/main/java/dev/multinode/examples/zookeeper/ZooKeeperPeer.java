package dev.multinode.examples.zookeeper;

import dev.multinode.Await;
import dev.multinode.Node;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.apache.zookeeper.server.quorum.QuorumPeer.ServerState;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.apache.zookeeper.util.ServiceUtils;

/**
 * This node's ZooKeeper server: one {@link QuorumPeer}, set up from an {@link EnsembleConfig} as
 * ZooKeeper's own {@code QuorumPeerMain} sets it up from a file (without its log4j MBeans, metrics
 * bootstrap, TLS and SASL, none of which the spec uses), its data in the node's data folder. It stops
 * with the node.
 */
public final class ZooKeeperPeer {

    /** A peer's threads end within a tick or two of its shutdown; this bound only matters when one hangs. */
    private static final Duration STOP = Duration.ofSeconds(10);
    /** A peer opens its election endpoint within moments of its start; the first JVM to load ZooKeeper takes longest. */
    private static final Duration LISTENING = Duration.ofSeconds(20);
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final Node node;
    private final QuorumPeer peer;

    private ZooKeeperPeer(Node node, QuorumPeer peer) {
        this.node = node;
        this.peer = peer;
    }

    /**
     * Allocates this node's endpoints, waits for every other node's, and starts the peer in its turn
     * (the nodes' peers start in id order, at barriers {@code zookeeper-started-<role>}); it then
     * looks for the others and joins an election; {@link #serving} says when it has a leader.
     *
     * @param node this node
     * @return the running peer, registered to stop with the node
     * @throws Exception if the configuration is refused or the peer cannot start
     */
    public static ZooKeeperPeer start(Node node) throws Exception {
        // A fatal error of a peer calls System.exit by default: in thread launch that would end the
        // test's JVM with every node in it. Logged instead, it fails the spec's next bounded wait.
        ServiceUtils.setSystemExitProcedure(ServiceUtils.LOG_ONLY);
        EnsembleConfig.allocatePorts(node);
        QuorumPeerConfig config = EnsembleConfig.build(node, node.dataDir().resolve("zookeeper"));
        ServerCnxnFactory clients = ServerCnxnFactory.createFactory();
        clients.configure(config.getClientPortAddress(), config.getMaxClientCnxns(),
                config.getClientPortListenBacklog(), false);
        QuorumPeer peer = new QuorumPeer();
        peer.setTxnFactory(new FileTxnSnapLog(config.getDataLogDir(), config.getDataDir()));
        peer.setElectionType(config.getElectionAlg());
        peer.setMyid(config.getServerId());
        peer.setTickTime(config.getTickTime());
        peer.setMinSessionTimeout(config.getMinSessionTimeout());
        peer.setMaxSessionTimeout(config.getMaxSessionTimeout());
        peer.setInitLimit(config.getInitLimit());
        peer.setSyncLimit(config.getSyncLimit());
        peer.setConnectToLearnerMasterLimit(config.getConnectToLearnerMasterLimit());
        peer.setZKDatabase(new ZKDatabase(peer.getTxnFactory()));
        peer.setQuorumVerifier(config.getQuorumVerifier(), false);
        peer.initConfigInZKDatabase();
        peer.setCnxnFactory(clients);
        peer.setLearnerType(config.getPeerType());
        peer.setSyncEnabled(config.getSyncEnabled());
        peer.initialize();
        // Only the peer of higher id opens an election connection (EnsembleConfig), and a peer that
        // leads or follows contacts no one: one that started later than the others of higher id
        // would never be dialled. So the peers start in id order, each once the one before listens.
        for (String role : node.roles()) {
            if (node.isRole(role)) {
                // registered before the start, so that a start failing halfway still closes what it opened
                node.closeOnStop(peer, (started, why) -> stop(node, started, config.getServerId()));
                peer.start();
                awaitListening(node, node.address(role, "election"));
            }
            node.enterBarrier("zookeeper-started-" + role);
        }
        return new ZooKeeperPeer(node, peer);
    }

    /** The peer's election endpoint accepts connections (ZooKeeper opens it on a thread of its own). */
    private static void awaitListening(Node node, InetSocketAddress election) {
        Await.awaitAssert(() -> {
            try (Socket probe = new Socket()) {
                probe.connect(election, (int) PROBE.toMillis());
            } catch (IOException notYet) {
                throw new AssertionError(node.role() + "'s ZooKeeper peer does not listen on its election endpoint "
                        + election + " yet", notYet);
            }
        }, LISTENING);
    }

    /**
     * @return whether the peer leads or follows and its server answers clients: it has a leader
     *     and, as a follower, is in sync with it
     */
    public boolean serving() {
        ServerState state = peer.getPeerState();
        ZooKeeperServer server = peer.getActiveServer();
        return (state == ServerState.LEADING || state == ServerState.FOLLOWING) && server != null && server.isRunning();
    }

    /** @return the role whose peer this one serves under, if it is {@linkplain #serving serving} */
    public Optional<String> leader() {
        return serving() ? Optional.of(EnsembleConfig.role(node, peer.getCurrentVote().getId())) : Optional.empty();
    }

    /** @return the peer's state for a failure message: "LOOKING", "FOLLOWING node-c (not serving yet)", ... */
    public String describe() {
        ServerState state = peer.getPeerState();
        String of = state == ServerState.FOLLOWING ? " " + EnsembleConfig.role(node, peer.getCurrentVote().getId()) : "";
        return state + of + (serving() || state == ServerState.LOOKING ? "" : " (not serving yet)");
    }

    private static void stop(Node node, QuorumPeer peer, long serverId) throws InterruptedException {
        long deadline = System.nanoTime() + STOP.toNanos();
        peer.shutdown();
        List<Thread> threads = new ArrayList<>(List.of(peer));
        // The shutdown stops the election's two workers by a flag they read between 3 s polls, and
        // does not wait: interrupted, they read it at once, so none outlives the node (in thread
        // launch they would linger in the test's JVM). Their names are the only handle on them.
        Set<String> workers = Set.of("WorkerSender[myid=" + serverId + "]", "WorkerReceiver[myid=" + serverId + "]");
        Thread.getAllStackTraces().keySet().stream().filter(thread -> workers.contains(thread.getName())).forEach(worker -> {
            worker.interrupt();
            threads.add(worker);
        });
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                throw new IllegalStateException(node.role() + "'s ZooKeeper thread " + thread.getName()
                        + " did not stop within " + STOP.toSeconds() + " s of the peer's shutdown");
            }
        }
    }
}
