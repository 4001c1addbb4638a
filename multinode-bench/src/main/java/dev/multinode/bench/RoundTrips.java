package dev.multinode.bench;

import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;

/**
 * The initiator's side of a ping-pong, whatever carries the frames: numbers each ping, checks that
 * the echo carries the same number, and records the round trip once warm-up is over. Used by the
 * harness and by every raw baseline, so that both measure exactly the same thing. Not thread-safe:
 * after {@link #nextPing} the next call must come from whoever receives the echo, which the
 * transport's own ordering (a send happens before its receipt) makes safe.
 */
final class RoundTrips {

    private final PingPongPlan plan;
    private final ByteBuffer ping;
    private final Histogram histogram = Histograms.create();
    private long sequence;
    private long sentAt;

    /** @param plan the message size and counts */
    RoundTrips(PingPongPlan plan) {
        this.plan = plan;
        this.ping = ByteBuffer.allocate(plan.messageSize());
    }

    /**
     * Numbers the next ping and starts its clock; send the returned buffer at once.
     *
     * @return the ping, between position and limit; reused for every ping
     */
    ByteBuffer nextPing() {
        ping.putLong(0, sequence);
        sentAt = System.nanoTime();
        return ping;
    }

    /**
     * Takes an echo: stops the clock, checks it, records the round trip if warm-up is over.
     *
     * @param receivedAt  {@link System#nanoTime()} when the echo arrived
     * @param echoedSequence the number the echo carries
     * @param length      the echo's length in bytes
     * @return whether another ping must be sent
     * @throws IllegalStateException if the echo is not the answer to the last ping
     */
    boolean onEcho(long receivedAt, long echoedSequence, int length) {
        if (echoedSequence != sequence || length != plan.messageSize()) {
            throw new IllegalStateException("Echo of ping " + echoedSequence + " with " + length
                    + " bytes, expected ping " + sequence + " with " + plan.messageSize() + " bytes");
        }
        if (sequence >= plan.warmup()) {
            Histograms.record(histogram, receivedAt - sentAt);
        }
        sequence++;
        return sequence < plan.total();
    }

    /** @return the measured round trips; read it only once the last echo was taken */
    Histogram histogram() {
        return histogram;
    }
}
