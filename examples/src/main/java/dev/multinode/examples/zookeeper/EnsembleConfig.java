package dev.multinode.examples.zookeeper;

import dev.multinode.Node;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig.ConfigException;

/**
 * One node's ZooKeeper configuration, built from the harness's ports and addresses: every role of the
 * run is a voting server, its id the role's position in the run plus one. The node's own line is its
 * bind address and ports, where its peer listens; each other line is where this node reaches that
 * role ({@link Node#address}), so two nodes' configurations may name a third at different addresses.
 *
 * <p>Election connections need one care. ZooKeeper keeps one election connection per pair, the one
 * the server of higher id opened: when the lower one dials, the higher hangs up and dials back the
 * election address the caller announced, its own line, which is its real endpoint and passes by
 * every relay, so a partition would leave that pair's election traffic flowing. So a node's lines
 * for servers of higher id give a refusing election port (a bound socket that does not listen):
 * the lower never dials, and every election connection is one the higher opened through its relay.
 * A peer that leads or follows dials no one, so the peers start in id order ({@link ZooKeeperPeer}).
 */
final class EnsembleConfig {

    /** ZooKeeper's unit of time; its defaults are 2 s, far too slow for a spec of a few seconds. */
    static final int TICK_MILLIS = 100;
    /** Ticks a follower has to connect to a new leader and sync: 1 s. */
    private static final int INIT_TICKS = 10;
    /** Ticks of silence after which a leader drops a follower, or a follower its leader: 500 ms. */
    private static final int SYNC_TICKS = 5;
    /** The longest session a server grants: long enough to outlive a partition (the default is 2 s). */
    static final int MAX_SESSION_MILLIS = 20_000;

    private EnsembleConfig() {
    }

    /**
     * Allocates this node's three endpoints ("quorum", "election", "client"). Every node does so
     * before it {@linkplain #build builds} its configuration, which waits for the others' endpoints.
     *
     * @param node this node
     */
    static void allocatePorts(Node node) {
        node.port("quorum");
        node.port("election");
        node.port("client");
    }

    /**
     * @param node    this node, its ports allocated
     * @param dataDir the peer's data folder
     * @return the peer's configuration; the server id is written to {@code myid} in the folder first,
     *     where ZooKeeper reads it
     * @throws IOException     if the folder cannot be written
     * @throws ConfigException if ZooKeeper refuses the configuration
     */
    static QuorumPeerConfig build(Node node, Path dataDir) throws IOException, ConfigException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("myid"), Long.toString(serverId(node, node.role())));
        Properties properties = new Properties();
        properties.setProperty("tickTime", Integer.toString(TICK_MILLIS));
        properties.setProperty("initLimit", Integer.toString(INIT_TICKS));
        properties.setProperty("syncLimit", Integer.toString(SYNC_TICKS));
        properties.setProperty("maxSessionTimeout", Integer.toString(MAX_SESSION_MILLIS));
        properties.setProperty("dataDir", dataDir.toString());
        InetSocketAddress client = node.address(node.role(), "client");
        properties.setProperty("clientPortAddress", client.getHostString());
        properties.setProperty("clientPort", Integer.toString(client.getPort()));
        int refusing = refusingPort(node);
        for (String role : node.roles()) {
            boolean higher = serverId(node, role) > serverId(node, node.role());
            properties.setProperty("server." + serverId(node, role), serverLine(node, role, higher ? refusing : 0));
        }
        QuorumPeerConfig config = new QuorumPeerConfig();
        config.parseProperties(properties);
        return config;
    }

    /**
     * @param node a node of the run
     * @param role a role of the run
     * @return the role's server id
     */
    static long serverId(Node node, String role) {
        return node.roles().indexOf(role) + 1L;
    }

    /**
     * @param node     a node of the run
     * @param serverId a server id of the ensemble
     * @return the role it stands for
     */
    static String role(Node node, long serverId) {
        return node.roles().get((int) serverId - 1);
    }

    /**
     * {@code host:quorumPort:electionPort}, one host for both, as ZooKeeper's line has it.
     *
     * @param electionPort the election port to give instead of the role's, or 0 for the role's own
     */
    private static String serverLine(Node node, String role, int electionPort) {
        InetSocketAddress quorum = node.address(role, "quorum");
        InetSocketAddress election = node.address(role, "election");
        if (!quorum.getAddress().equals(election.getAddress())) {
            throw new IllegalStateException(node.role() + " reaches " + role + "'s quorum endpoint at " + quorum
                    + " and its election endpoint at " + election + ": a ZooKeeper server line has one host for both");
        }
        return host(quorum) + ":" + quorum.getPort() + ":" + (electionPort == 0 ? election.getPort() : electionPort);
    }

    /**
     * A port of this node's relays' host that refuses every connection at once: a socket bound to it
     * that does not listen, held until the node stops.
     */
    private static int refusingPort(Node node) throws IOException {
        Socket holder = node.closeOnStop(new Socket());
        holder.bind(new InetSocketAddress(node.address(node.role(), "election").getAddress(), 0));
        return holder.getLocalPort();
    }

    /** An IPv6 literal goes in brackets, since its colons would split the line. */
    private static String host(InetSocketAddress address) {
        String host = address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
