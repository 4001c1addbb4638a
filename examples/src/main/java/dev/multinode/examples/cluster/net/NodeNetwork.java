package dev.multinode.examples.cluster.net;

import dev.multinode.FrameHandler;
import dev.multinode.Node;
import dev.multinode.ProbeRef;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;

/**
 * The {@link ClusterNetwork} of a multinode {@link Node}: frames go through {@link Node#send} and
 * {@link Node#onReceive} (so the harness's faults apply), tasks run on {@link Node#executor()} (so a
 * pause freezes them), time is {@link Node#clock()}'s (so clock faults apply), and
 * subscribers are probes reached with {@link Node#tell}.
 */
public final class NodeNetwork implements ClusterNetwork {

    private final Node node;
    private final SerialScheduler scheduler;

    /**
     * @param node the node the cluster runs on
     */
    public NodeNetwork(Node node) {
        this.node = node;
        this.scheduler = new SerialScheduler(node.executor(), node.clock()::nanoTime, node.log());
    }

    @Override
    public String self() {
        return node.role();
    }

    @Override
    public int incarnation() {
        return node.incarnation();
    }

    @Override
    public List<String> roles() {
        return node.roles();
    }

    @Override
    public void send(String toRole, ByteBuffer frame) {
        node.send(toRole, frame);
    }

    @Override
    public void onReceive(FrameHandler handler) {
        node.onReceive(handler);
    }

    @Override
    public int maxFrameSize() {
        return node.maxFrameSize();
    }

    @Override
    public ClusterScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void deliver(ProbeRef subscriber, String message) {
        node.tell(subscriber, message);
    }

    @Override
    public Logger log() {
        return node.log();
    }
}
