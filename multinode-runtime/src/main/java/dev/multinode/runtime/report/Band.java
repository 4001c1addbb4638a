package dev.multinode.runtime.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A horizontal slice of the space-time diagram: the start-up, or one or more consecutive phases. */
final class Band {

    final String label;
    final Instant from;
    final Instant to;
    /** What went over each link; null for the start-up. */
    final LinkCounts counts;
    /** The barrier that ends the band, or null. */
    final String barrier;
    final Barriers.State state;
    /** When the first node arrived at the barrier, if the band is a single phase. */
    final Instant opened;
    /** The links drawn. */
    final List<Link> links = new ArrayList<>();
    int hiddenLinks;
    double y;
    double height;

    Band(String label, Instant from, Instant to, LinkCounts counts, String barrier, Barriers.State state, Instant opened) {
        this.label = label;
        this.from = from;
        this.to = to.isBefore(from) ? from : to;
        this.counts = counts;
        this.barrier = barrier;
        this.state = state;
        this.opened = opened;
    }
}
