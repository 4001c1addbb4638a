package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.PhaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a run into the diagram's bands, one per phase (from one barrier to the next), each as tall as
 * its duration on a square-root scale, so short phases stay readable beside long ones; within a band
 * time is linear. Maps an instant to its height in the diagram.
 */
final class BandLayout {

    /** Beyond this many phases, consecutive phases share a band. */
    static final int MAX_BANDS = 200;
    private static final int MAX_LINKS_PER_BAND = 24;

    private final RunRecord run;
    private final int nodeCount;
    private final List<Band> bands = new ArrayList<>();

    private BandLayout(RunRecord run) {
        this.run = run;
        this.nodeCount = run.roles().size();
    }

    /**
     * @param run   the run
     * @param start the diagram's first instant
     * @param top   where the first band starts
     * @return the run's bands, laid out
     */
    static List<Band> of(RunRecord run, Instant start, double top) {
        BandLayout layout = new BandLayout(run);
        layout.cut(start);
        layout.layOut(top);
        return layout.bands;
    }

    private void cut(Instant start) {
        Instant bodies = run.bodiesStarted();
        if (bodies.isAfter(start)) {
            bands.add(new Band("start-up", start, bodies, null, null, null, null));
        }
        List<PhaseRecord> phases = run.result().phases();
        int last = phases.size() - 1;
        // The last phase, where a failed run stopped, always keeps a band of its own.
        int perBand = last <= MAX_BANDS - 1 ? 1 : (last + MAX_BANDS - 2) / (MAX_BANDS - 1);
        Instant from = bodies;
        for (int first = 0; first < last; first += perBand) {
            from = addBand(phases, first, Math.min(first + perBand, last) - 1, from);
        }
        if (last >= 0) {
            addBand(phases, last, last, from);
        }
    }

    /** @return where the next band starts */
    private Instant addBand(List<PhaseRecord> phases, int first, int end, Instant from) {
        PhaseRecord closing = phases.get(end);
        String label = first == end ? "phase " + (first + 1) : "phases " + (first + 1) + "\u2013" + (end + 1);
        Band band = new Band(label, from, closing.passed(), LinkCounts.sum(phases, first, end, nodeCount + 1),
                closing.barrier(), closing.barrier() == null ? null : Barriers.state(run, end),
                first == end ? closing.opened() : null);
        bands.add(band);
        return band.to;
    }

    /** Band heights: a floor that fits the band's arrows, plus the square root of its share of the longest band. */
    private void layOut(double top) {
        long longest = 1;
        for (Band band : bands) {
            longest = Math.max(longest, nanos(band.from, band.to));
            pickLinks(band);
        }
        double y = top;
        for (Band band : bands) {
            band.y = y;
            double floor = 18.0 * (band.links.size() + 1);
            band.height = Math.max(floor, 30 + 150 * Math.sqrt((double) nanos(band.from, band.to) / longest));
            y += band.height;
        }
    }

    /**
     * The busiest links between nodes (participant 0, the conductor, sends the system under test
     * nothing): the busiest by frames and the busiest by relayed bytes in turn, so that neither kind
     * of traffic crowds the other out of the band.
     */
    private void pickLinks(Band band) {
        if (band.counts == null) {
            return;
        }
        List<Link> framed = new ArrayList<>();
        List<Link> relayed = new ArrayList<>();
        for (int from = 1; from <= nodeCount; from++) {
            for (int to = 1; to <= nodeCount; to++) {
                Link link = band.counts.link(from, to);
                if (link.framed()) {
                    framed.add(link);
                }
                if (link.relayed()) {
                    relayed.add(link);
                }
            }
        }
        framed.sort(Comparator.comparingLong(link -> -(link.frames() + link.dropped())));
        relayed.sort(Comparator.comparingLong((Link link) -> -link.relayedBytes())
                .thenComparingLong(link -> -link.relayedConnections()));
        Set<Link> shown = new LinkedHashSet<>();
        Iterator<Link> byFrames = framed.iterator();
        Iterator<Link> byBytes = relayed.iterator();
        while (shown.size() < MAX_LINKS_PER_BAND && (byFrames.hasNext() || byBytes.hasNext())) {
            if (byFrames.hasNext()) {
                shown.add(byFrames.next());
            }
            if (byBytes.hasNext() && shown.size() < MAX_LINKS_PER_BAND) {
                shown.add(byBytes.next());
            }
        }
        Set<Link> all = new HashSet<>(framed);
        all.addAll(relayed);
        band.links.addAll(shown);
        band.links.sort(Comparator.comparingInt(Link::from).thenComparingInt(Link::to));
        band.hiddenLinks = all.size() - shown.size();
    }

    /**
     * @param bands laid-out bands
     * @param at    an instant
     * @param top   the diagram's top, for a run without bands
     * @return the instant's height: linear within the band it falls in
     */
    static double y(List<Band> bands, Instant at, double top) {
        if (bands.isEmpty()) {
            return top;
        }
        int low = 0;
        int high = bands.size() - 1;
        while (low < high) { // the first band that ends at or after the instant
            int middle = (low + high) >>> 1;
            if (bands.get(middle).to.isBefore(at)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        Band band = bands.get(low);
        long length = nanos(band.from, band.to);
        double share = length == 0 ? 1 : Math.max(0, Math.min(1, (double) nanos(band.from, at) / length));
        return band.y + share * band.height;
    }

    static long nanos(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }
}
