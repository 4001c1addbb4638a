package dev.multinode.examples.zookeeper;

import dev.multinode.Node;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A ZooKeeper client of this node's own server (its "client" endpoint), closed with the node. Every
 * call is ZooKeeper's asynchronous one, waited for up to a bound, so that no call blocks a node's
 * body for longer than the step allows, whatever state the server is in.
 */
public final class LocalClient {

    /** Short enough to be negotiated as asked (see {@link EnsembleConfig#MAX_SESSION_MILLIS}), long enough to outlive a partition. */
    private static final int SESSION_MILLIS = EnsembleConfig.MAX_SESSION_MILLIS;
    /** How long a close waits for the server to end the session; a server gone ends it by timeout. */
    private static final int CLOSE_MILLIS = 1_000;

    private final Node node;
    private final ZooKeeper client;

    private LocalClient(Node node, ZooKeeper client) {
        this.node = node;
        this.client = client;
    }

    /**
     * Opens a session with this node's server, which it keeps connecting to while the server is not
     * serving.
     *
     * @param node this node, its ZooKeeper peer started
     * @return the client, registered to close with the node
     * @throws IOException if the client cannot be created
     */
    public static LocalClient connect(Node node) throws IOException {
        InetSocketAddress server = node.address(node.role(), "client");
        ZooKeeper client = node.closeOnStop(new ZooKeeper(server.getHostString() + ":" + server.getPort(),
                SESSION_MILLIS, event -> { }), (open, why) -> open.close(CLOSE_MILLIS));
        return new LocalClient(node, client);
    }

    /**
     * Creates a persistent node holding the value.
     *
     * @param path    its path
     * @param value   its data
     * @param timeout how long to wait for the server's answer
     * @return the server's answer ({@link Code#OK} if created), or empty if none came within the timeout
     * @throws InterruptedException if the node's body is interrupted
     */
    public Optional<Code> create(String path, String value, Duration timeout) throws InterruptedException {
        CompletableFuture<Code> answer = new CompletableFuture<>();
        client.create(path, value.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT, (rc, created, context, name) -> answer.complete(Code.get(rc)), null);
        return await(answer, timeout);
    }

    /**
     * Reads a node's value, as this node's server has it (a follower may be behind its leader).
     *
     * @param path    its path
     * @param timeout how long to wait for the server's answer
     * @return the value
     * @throws AssertionError       naming this node and the path if the read failed or was not answered
     * @throws InterruptedException if the node's body is interrupted
     */
    public Optional<String> read(String path, Duration timeout) throws InterruptedException {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        client.getData(path, false, (rc, read, context, data, stat) -> {
            Code code = Code.get(rc);
            if (code == Code.OK) {
                answer.complete(Optional.of(new String(data, StandardCharsets.UTF_8)));
            } else if (code == Code.NONODE) {
                answer.complete(Optional.empty());
            } else {
                answer.completeExceptionally(new AssertionError(node.role() + " could not read " + path + ": " + code));
            }
        }, null);
        return await(answer, timeout).orElseThrow(() -> new AssertionError(node.role() + "'s server did not answer a read of "
                + path + " within " + timeout.toMillis() + " ms"));
    }

    private static <T> Optional<T> await(CompletableFuture<T> answer, Duration timeout) throws InterruptedException {
        try {
            return Optional.of(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw (AssertionError) e.getCause();
        }
    }
}
