package dev.multinode.examples.cluster.net;

import dev.multinode.FrameHandler;
import dev.multinode.ProbeRef;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;

/**
 * Everything the cluster needs from the world it runs in. {@link NodeNetwork} adapts a multinode
 * {@link dev.multinode.Node}, so the harness's faults apply to every frame; unit tests use an
 * in-memory fake.
 */
public interface ClusterNetwork {

    /** @return this node's role */
    String self();

    /** @return which life of this role runs here: 0 at its first start, one more per restart */
    int incarnation();

    /** @return every role that may take part, this one included */
    List<String> roles();

    /**
     * Sends a frame to another role. The bytes between position and limit are copied before this
     * returns; delivery is not guaranteed.
     *
     * @param toRole the receiver
     * @param frame  the frame
     */
    void send(String toRole, ByteBuffer frame);

    /**
     * Sets the handler of frames other roles send to this one, replacing any earlier handler.
     *
     * @param handler the handler; called on a receiver thread, with a buffer valid only during the call
     */
    void onReceive(FrameHandler handler);

    /** @return the largest frame {@link #send} accepts, in bytes */
    int maxFrameSize();

    /** @return the scheduler all of this node's cluster logic runs on, one task at a time */
    ClusterScheduler scheduler();

    /**
     * Hands a message to a subscriber that lives on this node, such as a multinode probe.
     *
     * @param subscriber the subscriber, whose role is {@link #self()}
     * @param message    the message
     */
    void deliver(ProbeRef subscriber, String message);

    /** @return the logger of this node */
    Logger log();
}
