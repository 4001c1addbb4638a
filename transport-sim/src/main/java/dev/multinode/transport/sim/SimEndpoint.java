package dev.multinode.transport.sim;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A participant's endpoint on the {@link SimNetwork}: frames that arrived wait in an inbox until
 * polled, and a thread that waits for frames parks through the {@link SimScheduler} until one
 * arrives, so that waiting takes a step, not a spin.
 */
final class SimEndpoint implements Endpoint {

    private record Frame(int from, int type, byte[] payload) {
    }

    private final SimNetwork network;
    private final SimScheduler scheduler;
    private final int participant;
    private final int participants;
    private final int maxFrameSize;
    private final ArrayDeque<Frame> inbox = new ArrayDeque<>();
    private Thread waiting;
    private boolean closed;

    SimEndpoint(SimNetwork network, SimScheduler scheduler, int participant, int participants, int maxFrameSize) {
        this.network = network;
        this.scheduler = scheduler;
        this.participant = participant;
        this.participants = participants;
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public int participant() {
        return participant;
    }

    @Override
    public void send(int to, int type, ByteBuffer payload) {
        if (to < 0 || to >= participants) {
            throw new IllegalArgumentException("No participant " + to + ": the run has participants 0 to " + (participants - 1));
        }
        if (type < MIN_TYPE || type > MAX_TYPE) {
            throw new IllegalArgumentException("Frame type " + type + " is outside " + MIN_TYPE + ".." + MAX_TYPE);
        }
        if (payload.remaining() > maxFrameSize) {
            throw new IllegalArgumentException("A frame of " + payload.remaining() + " bytes exceeds the frame size limit of "
                    + maxFrameSize + " bytes");
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The endpoint of participant " + participant + " is closed");
            }
        }
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        network.send(participant, to, type, copy);
    }

    @Override
    public int poll(FrameReceiver receiver, int limit) {
        int delivered = 0;
        while (delivered < limit) {
            Frame frame;
            synchronized (this) {
                frame = inbox.poll();
            }
            if (frame == null) {
                break;
            }
            receiver.onFrame(frame.from(), frame.type(), ByteBuffer.wrap(frame.payload()));
            delivered++;
        }
        return delivered;
    }

    @Override
    public boolean awaitFrames(long timeoutNanos) {
        synchronized (this) {
            if (!inbox.isEmpty() || closed || timeoutNanos <= 0) {
                return true;
            }
            waiting = Thread.currentThread();
        }
        long now = scheduler.nanoTime();
        // saturated: a wait "for ever" must not wrap round into a deadline already passed
        scheduler.parkUntil(timeoutNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutNanos);
        synchronized (this) {
            waiting = null;
        }
        return true;
    }

    /** A frame arrived: it waits in the inbox, and the thread waiting for frames may run. */
    void arrived(int from, int type, byte[] payload) {
        Thread wake;
        synchronized (this) {
            if (closed) {
                return;
            }
            inbox.add(new Frame(from, type, payload));
            wake = waiting;
        }
        if (wake != null) {
            scheduler.unpark(wake);
        }
    }

    @Override
    public void close() {
        Thread wake;
        synchronized (this) {
            closed = true;
            inbox.clear();
            wake = waiting;
        }
        if (wake != null) {
            scheduler.unpark(wake);
        }
    }
}
