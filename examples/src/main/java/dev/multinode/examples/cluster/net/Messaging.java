package dev.multinode.examples.cluster.net;

import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.codec.ClusterMessageCodec;
import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Typed messages over a {@link ClusterNetwork}: encodes what the cluster sends, decodes what
 * arrives (on the receiver thread, since the frame is only valid there) and hands each message to
 * its handler on the cluster scheduler. Frames that do not decode are logged, counted and dropped.
 *
 * <p>{@link #send} runs on the cluster scheduler only, which is what lets one encode buffer serve
 * every message. A message to this node itself skips the network.
 */
public final class Messaging {

    /** Caps the encode buffer when the transport's frames may be huge; cluster messages are small. */
    private static final int MAX_ENCODE_BUFFER = 1 << 20;

    private final ClusterNetwork network;
    private final ClusterMessageCodec codec;
    private final ByteBuffer encodeBuffer;
    private final Map<Class<?>, MessageHandler<?>> handlers = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean started;

    /**
     * @param network the network to use
     * @param codec   the codec of every message type the cluster sends
     */
    public Messaging(ClusterNetwork network, ClusterMessageCodec codec) {
        this.network = network;
        this.codec = codec;
        this.encodeBuffer = ByteBuffer.allocate(Math.min(network.maxFrameSize(), MAX_ENCODE_BUFFER));
    }

    /** @return this node's role */
    public String self() {
        return network.self();
    }

    /** @return which life of this node's role runs here */
    public int incarnation() {
        return network.incarnation();
    }

    /** @return every role that may take part */
    public List<String> roles() {
        return network.roles();
    }

    /** @return the scheduler the cluster's logic runs on */
    public ClusterScheduler scheduler() {
        return network.scheduler();
    }

    /** @return this node's logger */
    public Logger log() {
        return network.log();
    }

    /**
     * Registers the handler of one message type. Call before {@link #start}.
     *
     * @param type    the message class
     * @param handler its handler
     * @param <M>     the message type
     * @throws IllegalStateException if messaging already started or the type already has a handler
     */
    public <M extends Message> void handle(Class<M> type, MessageHandler<M> handler) {
        if (started) {
            throw new IllegalStateException("handlers must be registered before messaging starts; "
                    + type.getSimpleName() + " came too late");
        }
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException(type.getSimpleName() + " already has a handler");
        }
    }

    /** Starts receiving frames. */
    public void start() {
        started = true;
        network.onReceive(this::onFrame);
    }

    /**
     * Sends a message; call on the cluster scheduler. A failure to send is logged, never thrown, since
     * the network does not guarantee delivery anyway.
     *
     * @param toRole  the receiver, possibly this node
     * @param message the message
     */
    public void send(String toRole, Message message) {
        if (toRole.equals(network.self())) {
            network.scheduler().execute(() -> dispatch(toRole, message));
            return;
        }
        encodeBuffer.clear();
        codec.encode(message, encodeBuffer);
        encodeBuffer.flip();
        try {
            network.send(toRole, encodeBuffer);
        } catch (RuntimeException e) {
            network.log().warn("could not send {} to {}: {}", message.getClass().getSimpleName(), toRole, e.toString());
        }
    }

    /**
     * Runs the work of a public call on the cluster scheduler, or fails its future at once if the
     * cluster already stopped here. A call that races with the stop may never complete, so callers
     * wait with a timeout.
     *
     * @param future the call's result, which {@code task} completes
     * @param task   the work
     * @param <T>    the result's type
     * @return {@code future}
     */
    public <T> CompletableFuture<T> call(CompletableFuture<T> future, Runnable task) {
        if (network.scheduler().isShutDown()) {
            future.completeExceptionally(new IllegalStateException("the cluster stopped on " + network.self()));
        } else {
            network.scheduler().execute(task);
        }
        return future;
    }

    /**
     * Hands a message to a subscriber on this node.
     *
     * @param subscriber the subscriber
     * @param message    the message
     */
    public void deliver(ProbeRef subscriber, String message) {
        network.deliver(subscriber, message);
    }

    /** @return how many received frames were dropped because they did not decode */
    public long droppedFrames() {
        return dropped.get();
    }

    private void onFrame(String fromRole, ByteBuffer frame) {
        Message message;
        try {
            message = codec.decode(frame.slice());
        } catch (MalformedMessageException e) {
            dropped.incrementAndGet();
            network.log().warn("dropped a malformed frame of {} bytes from {}: {}", frame.remaining(), fromRole,
                    e.getMessage());
            return;
        }
        network.scheduler().execute(() -> dispatch(fromRole, message));
    }

    @SuppressWarnings("unchecked")
    private <M extends Message> void dispatch(String fromRole, M message) {
        MessageHandler<M> handler = (MessageHandler<M>) handlers.get(message.getClass());
        if (handler == null) {
            network.log().warn("no handler for {} from {}; dropped", message.getClass().getSimpleName(), fromRole);
            return;
        }
        handler.onMessage(fromRole, message);
    }
}
