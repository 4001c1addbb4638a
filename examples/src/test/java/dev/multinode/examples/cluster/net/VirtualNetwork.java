package dev.multinode.examples.cluster.net;

import dev.multinode.FrameHandler;
import dev.multinode.ProbeRef;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One node's {@link ClusterNetwork} in a {@link VirtualWorld}. */
public final class VirtualNetwork implements ClusterNetwork {

    private static final int MAX_FRAME_SIZE = 64 * 1024;

    private final VirtualWorld world;
    private final String self;
    private final int incarnation;
    private final VirtualScheduler scheduler;
    private final Logger log;
    private FrameHandler handler;

    VirtualNetwork(VirtualWorld world, String self, int incarnation) {
        this.world = world;
        this.self = self;
        this.incarnation = incarnation;
        this.scheduler = new VirtualScheduler(world, this);
        this.log = LoggerFactory.getLogger("virtual." + self);
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public int incarnation() {
        return incarnation;
    }

    @Override
    public List<String> roles() {
        return world.roles();
    }

    @Override
    public void send(String toRole, ByteBuffer frame) {
        if (frame.remaining() > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("frame of " + frame.remaining() + " bytes exceeds " + MAX_FRAME_SIZE);
        }
        world.transmit(self, toRole, frame);
    }

    @Override
    public void onReceive(FrameHandler frameHandler) {
        this.handler = frameHandler;
    }

    @Override
    public int maxFrameSize() {
        return MAX_FRAME_SIZE;
    }

    @Override
    public VirtualScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void deliver(ProbeRef subscriber, String message) {
        if (!subscriber.role().equals(self)) {
            throw new AssertionError(self + " was asked to deliver to " + subscriber + ", who lives elsewhere");
        }
        world.deliver(subscriber, message);
    }

    @Override
    public Logger log() {
        return log;
    }

    void receive(String from, ByteBuffer frame) {
        if (handler != null) {
            handler.onFrame(from, frame);
        }
    }
}
