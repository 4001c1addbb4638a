package dev.multinode.runtime.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A horizontal slice of the space-time diagram: the start-up, or one or more consecutive phases. */
final class Band {

    final String label;
    final Instant from;
    final Instant to;
    /** Frames sent, [from][to]; null for the start-up. */
    final long[][] traffic;
    final long[][] dropped;
    /** The barrier that ends the band, or null. */
    final String barrier;
    final Barriers.State state;
    /** When the first node arrived at the barrier, if the band is a single phase. */
    final Instant opened;
    /** The links drawn, each as {from, to, frames sent, frames dropped by faults}. */
    final List<long[]> links = new ArrayList<>();
    int hiddenLinks;
    double y;
    double height;

    Band(String label, Instant from, Instant to, long[][] traffic, long[][] dropped, String barrier,
         Barriers.State state, Instant opened) {
        this.label = label;
        this.from = from;
        this.to = to.isBefore(from) ? from : to;
        this.traffic = traffic;
        this.dropped = dropped;
        this.barrier = barrier;
        this.state = state;
        this.opened = opened;
    }
}
