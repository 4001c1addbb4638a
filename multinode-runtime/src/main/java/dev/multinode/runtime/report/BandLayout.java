package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.PhaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
            bands.add(new Band("start-up", start, bodies, null, null, null, null, null));
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
        Band band = new Band(label, from, closing.passed(), sum(phases, first, end, PhaseRecord::traffic),
                sum(phases, first, end, PhaseRecord::dropped), closing.barrier(),
                closing.barrier() == null ? null : Barriers.state(run, end), first == end ? closing.opened() : null);
        bands.add(band);
        return band.to;
    }

    private long[][] sum(List<PhaseRecord> phases, int first, int last, Function<PhaseRecord, long[][]> counts) {
        long[][] total = new long[nodeCount + 1][nodeCount + 1];
        for (int p = first; p <= last; p++) {
            long[][] traffic = counts.apply(phases.get(p));
            for (int from = 0; from < total.length && from < traffic.length; from++) {
                for (int to = 0; to < total.length && to < traffic[from].length; to++) {
                    total[from][to] += traffic[from][to];
                }
            }
        }
        return total;
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
     * nothing), each as {from, to, frames sent, frames dropped by faults}.
     */
    private void pickLinks(Band band) {
        if (band.traffic == null) {
            return;
        }
        List<long[]> all = new ArrayList<>();
        for (int from = 1; from <= nodeCount; from++) {
            for (int to = 1; to <= nodeCount; to++) {
                if (band.traffic[from][to] > 0 || band.dropped[from][to] > 0) {
                    all.add(new long[] {from, to, band.traffic[from][to], band.dropped[from][to]});
                }
            }
        }
        all.sort(Comparator.comparingLong((long[] link) -> -(link[2] + link[3])));
        List<long[]> shown = new ArrayList<>(all.subList(0, Math.min(MAX_LINKS_PER_BAND, all.size())));
        shown.sort(Comparator.<long[]>comparingLong(link -> link[0]).thenComparingLong(link -> link[1]));
        band.links.addAll(shown);
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
