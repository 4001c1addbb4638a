package dev.multinode.runtime.node;

import dev.multinode.Direction;
import java.util.SplittableRandom;

/**
 * The fault filter beneath a node's endpoint: per peer, whether traffic is blocked in either
 * direction, how long frames to it are delayed, and how likely they are dropped. Only the system
 * under test's frames and probe messages pass through it; control frames never do. Changes come
 * from the receiver thread; senders of any thread read them. While no fault is in force every check
 * is one volatile read, so the hot path takes no lock.
 */
final class LinkFilter {

    private final int self;
    private final long seed;
    private final boolean[] blockedOut;
    private final boolean[] blockedIn;
    private final boolean[] gone;
    private final long[] delayNanos;
    private final double[] dropProbability;
    private final SplittableRandom[] dropRandom;
    private volatile boolean isolated;
    private volatile boolean faultFree = true;

    LinkFilter(int self, int participants, long seed) {
        this.self = self;
        this.seed = seed;
        this.blockedOut = new boolean[participants];
        this.blockedIn = new boolean[participants];
        this.gone = new boolean[participants];
        this.delayNanos = new long[participants];
        this.dropProbability = new double[participants];
        this.dropRandom = new SplittableRandom[participants];
    }

    /** @return whether a frame to {@code to} may leave */
    boolean passOutbound(int to) {
        return faultFree || checkOutbound(to);
    }

    private synchronized boolean checkOutbound(int to) {
        if (to == self) {
            return !isolated;
        }
        if (isolated || blockedOut[to] || gone[to]) {
            return false;
        }
        return !(dropProbability[to] > 0 && dropRandom[to].nextDouble() < dropProbability[to]);
    }

    /** @return whether a frame from {@code from} may be delivered */
    boolean passInbound(int from) {
        return faultFree || checkInbound(from);
    }

    private synchronized boolean checkInbound(int from) {
        return from == self ? !isolated : !isolated && !blockedIn[from];
    }

    long delayNanos(int to) {
        return faultFree ? 0 : delayOf(to);
    }

    private synchronized long delayOf(int to) {
        return to == self ? 0 : delayNanos[to];
    }

    synchronized void block(int peer, Direction direction, boolean block) {
        if (direction != Direction.RECEIVE) {
            blockedOut[peer] = block;
        }
        if (direction != Direction.SEND) {
            blockedIn[peer] = block;
        }
        updateFaultFree();
    }

    /**
     * A peer left (killed, shut down, or down for a restart): nothing goes to it, what it sent
     * before leaving still arrives. Unlike a blackhole, a heal does not undo it; {@link #peerBack} does.
     */
    synchronized void peerGone(int peer) {
        gone[peer] = true;
        updateFaultFree();
    }

    /** A peer's next incarnation is up: frames go to it again, its blackholes stay as they were. */
    synchronized void peerBack(int peer) {
        gone[peer] = false;
        updateFaultFree();
    }

    synchronized void delay(int peer, long nanos) {
        delayNanos[peer] = nanos;
        updateFaultFree();
    }

    /** The random source of a link depends only on the run's seed and the link, so runs repeat. */
    synchronized void drop(int peer, double probability) {
        dropProbability[peer] = probability;
        dropRandom[peer] = new SplittableRandom(seed * 31 * 31 + self * 31L + peer);
        updateFaultFree();
    }

    synchronized void heal() {
        for (int i = 0; i < blockedOut.length; i++) {
            blockedOut[i] = false;
            blockedIn[i] = false;
            delayNanos[i] = 0;
            dropProbability[i] = 0;
        }
        updateFaultFree();
    }

    /** Drops everything in and out: the node was killed. */
    synchronized void isolate() {
        isolated = true;
        faultFree = false;
    }

    private void updateFaultFree() {
        boolean free = !isolated;
        for (int i = 0; i < blockedOut.length && free; i++) {
            free = !blockedOut[i] && !blockedIn[i] && !gone[i] && delayNanos[i] == 0 && dropProbability[i] == 0;
        }
        faultFree = free;
    }

}
