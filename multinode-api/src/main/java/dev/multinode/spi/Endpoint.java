package dev.multinode.spi;

import java.nio.ByteBuffer;

/**
 * A participant's connection to the transport: it sends frames to any participant and polls the
 * frames sent to it. {@link #send} may be called from several threads at once; {@link #poll} and
 * {@link #awaitFrames} from one thread at a time. Neither allocates per frame where the transport
 * can avoid it.
 */
public interface Endpoint extends AutoCloseable {

    /** The lowest frame type. */
    int MIN_TYPE = 1;
    /** The highest frame type. */
    int MAX_TYPE = 127;

    /** @return this endpoint's participant index */
    int participant();

    /**
     * Sends one frame. Copies the payload's bytes between position and limit before returning and
     * leaves the buffer's position unchanged. Waits a bounded time when the receiver is full.
     *
     * @param to      the receiver's participant index
     * @param type    the frame type, {@value #MIN_TYPE} to {@value #MAX_TYPE}, delivered as is
     * @param payload the bytes
     * @throws IllegalArgumentException if the payload exceeds the frame size limit, naming both sizes
     * @throws IllegalStateException if the endpoint is closed or the receiver stays full too long
     */
    void send(int to, int type, ByteBuffer payload);

    /**
     * Delivers up to {@code limit} waiting frames to {@code receiver}, without blocking.
     *
     * @param receiver gets each frame
     * @param limit    the most frames to deliver
     * @return how many frames were delivered
     */
    int poll(FrameReceiver receiver, int limit);

    /**
     * Waits, on the polling thread, until a frame may be waiting for {@link #poll}, for at most
     * {@code timeoutNanos}; the runtime calls it once polls keep finding nothing. An endpoint that
     * can tell when a frame arrives (a doorbell its senders ring, a selector) should implement it:
     * then a thread that waits for frames sleeps instead of polling, and wakes as soon as one comes,
     * however many other threads compete for the cores.
     *
     * <p>An implementation returns at once when a frame is waiting already, returns soon after one
     * arrives, and may return early for no reason (the caller polls again either way); it must not
     * lose a frame that arrives while it decides to sleep. It returns early, too, if the endpoint is
     * closed or the thread interrupted (keeping the interrupt status).
     *
     * <p>The default cannot wait and returns {@code false} at once: the runtime then waits its own
     * way, polling and backing off to short parks, as it does for every transport that leaves this
     * method alone.
     *
     * @param timeoutNanos the longest wait, in nanoseconds; 0 or less returns at once
     * @return {@code true} if this endpoint waited for frames (it wakes on arrival), {@code false} if
     *     it cannot and returned at once
     */
    default boolean awaitFrames(long timeoutNanos) {
        return false;
    }

    /**
     * Ends the polling thread's current {@link #awaitFrames} early, or its next one if it is not
     * waiting now; callable from any thread. The runtime calls it when the waiting thread has other
     * work than frames (a receiver being stopped, a command for the conductor), and unparks that
     * thread too, so an endpoint whose wait parks the thread ({@code LockSupport}, or the run's
     * {@link Scheduler}) needs nothing more: the default does nothing. An endpoint that waits in
     * something an unpark does not end (a {@code Selector}) wakes it here.
     */
    default void wakeUp() {
    }

    /** Stops sending and receiving; frames sent to this endpoint afterwards are discarded. */
    @Override
    void close();
}
