package dev.multinode.bench;

import org.HdrHistogram.Histogram;

/**
 * A ping-pong straight on a transport's underlying mechanism, without the harness: the baseline the
 * harness's round trip is compared with. Each transport may have one; {@link RawBaselines} maps
 * transport names to them. An implementation times its round trips with {@link RoundTrips}, exactly
 * as the harness ping-pong does.
 */
public interface RawPingPong {

    /** @return what this baseline measures, for the report */
    String description();

    /**
     * Runs the ping-pong and releases everything it used (threads, memory, files) before returning.
     *
     * @param plan the message size and counts
     * @return the measured round trips, in nanoseconds
     * @throws Exception if the ping-pong cannot run or does not finish
     */
    Histogram run(PingPongPlan plan) throws Exception;
}
