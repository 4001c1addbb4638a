package dev.multinode.transport.sim;

import java.util.SplittableRandom;

/**
 * The network between a simulated run's participants: each frame arrives after a latency drawn
 * from the seed, as an event of the {@link SimScheduler}. Frames on different links may overtake
 * each other; on one link (sender to receiver) they arrive in the order sent, as over a stream.
 */
final class SimNetwork {

    private final SimScheduler scheduler;
    private final SimTrace trace;
    private final LatencyModel latency;
    private final SplittableRandom random;
    private final SimEndpoint[] endpoints;
    /** The arrival time of the last frame on each link, which a later frame on it may not precede. */
    private final long[][] lastArrival;

    /**
     * @param scheduler    the run's scheduler, whose time the latencies add to
     * @param trace        records each arrival
     * @param participants how many participants the run has
     * @param maxFrameSize the largest payload a frame may carry
     * @param latency      the latencies' distribution
     * @param seed         draws the latencies
     */
    SimNetwork(SimScheduler scheduler, SimTrace trace, int participants, int maxFrameSize, LatencyModel latency, long seed) {
        this.scheduler = scheduler;
        this.trace = trace;
        this.latency = latency;
        this.random = new SplittableRandom(seed);
        this.endpoints = new SimEndpoint[participants];
        this.lastArrival = new long[participants][participants];
        for (int participant = 0; participant < participants; participant++) {
            endpoints[participant] = new SimEndpoint(this, scheduler, participant, participants, maxFrameSize);
        }
    }

    SimEndpoint endpoint(int participant) {
        return endpoints[participant];
    }

    /** Closes every endpoint: frames still under way arrive nowhere. */
    void close() {
        for (SimEndpoint endpoint : endpoints) {
            endpoint.close();
        }
    }

    /** Sends a copy of the frame on its way; called by the sender's thread while it holds control. */
    synchronized void send(int from, int to, int type, byte[] payload) {
        long arrival = Math.max(scheduler.nanoTime() + latency.draw(random), lastArrival[from][to]);
        lastArrival[from][to] = arrival;
        scheduler.at(arrival, () -> {
            trace.delivery(from, to, type, payload.length);
            endpoints[to].arrived(from, type, payload);
        });
    }
}
