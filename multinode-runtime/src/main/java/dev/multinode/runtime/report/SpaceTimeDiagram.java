package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.PhaseRecord;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.runtime.conductor.RunEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The space-time diagram of a run as inline SVG under a row of lane names that stays in view while
 * the diagram scrolls: time runs down, one vertical lane per node. The run is cut into bands, one
 * per phase (from one barrier to the next), each as tall as its duration on a square-root scale, so
 * short phases stay readable beside long ones; within a band time is linear.
 * A band shows the frames each node sent each other during the phase as one arrow per link,
 * labelled with the count; a barrier is a line across the lanes where it released its nodes, over
 * a shaded strip from the first node's arrival. Lifecycle events, faults and deaths sit on their
 * lane at their time; the root cause is marked in red.
 */
final class SpaceTimeDiagram {

    /** Beyond this many phases, consecutive phases share a band. */
    static final int MAX_BANDS = 200;
    private static final int MAX_LINKS_PER_BAND = 24;
    private static final int MAX_EVENTS = 2_000;
    private static final int MAX_EVENT_LABELS = 300;
    private static final int LEFT = 100;
    private static final int LANE = 150;
    private static final int LABELS = 500;
    private static final int TOP = 10;
    private static final int BOTTOM = 20;
    private static final int LABEL_GAP = 13;
    private static final int LABEL_CHARS = 70;

    /** A horizontal slice of the diagram: the start-up, or one or more consecutive phases. */
    private static final class Band {
        final String label;
        final Instant from;
        final Instant to;
        final long[][] traffic;
        final long[][] dropped;
        /** The barrier that ends the band, or null. */
        final String barrier;
        final Barriers.State state;
        /** When the first node arrived at the barrier, if the band is a single phase. */
        final Instant opened;
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

    /** A text in the column right of the lanes, placed so that labels never overlap. */
    private record Label(double y, String text, String title, String css) {
    }

    private final RunRecord run;
    private final List<String> roles;
    private final Instant start;
    private final List<Band> bands = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final StringBuilder svg = new StringBuilder(64 * 1024);

    private SpaceTimeDiagram(RunRecord run) {
        this.run = run;
        this.roles = run.roles();
        Instant first = run.events().isEmpty() ? run.started() : run.events().get(0).at();
        this.start = first.isBefore(run.started()) ? first : run.started();
    }

    static String of(RunRecord run) {
        return new SpaceTimeDiagram(run).draw();
    }

    private String draw() {
        cutBands();
        layOut();
        double lanesBottom = bands.isEmpty() ? TOP : bands.get(bands.size() - 1).y + bands.get(bands.size() - 1).height;
        drawBands();
        drawLanes(lanesBottom);
        drawTraffic();
        drawEvents();
        double labelsBottom = drawLabels();
        int width = LEFT + LANE * roles.size() + LABELS;
        int height = (int) Math.ceil(Math.max(lanesBottom, labelsBottom) + BOTTOM);
        return "<div class=\"diagram\" style=\"width:" + width + "px\">\n" + laneHeads()
                + "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"space-time diagram of the run\">\n"
                + "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker></defs>\n"
                + svg + "</svg></div>\n";
    }

    private void cutBands() {
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
        long[][] total = new long[roles.size() + 1][roles.size() + 1];
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
    private void layOut() {
        long longest = 1;
        for (Band band : bands) {
            longest = Math.max(longest, nanos(band.from, band.to));
            pickLinks(band);
        }
        double y = TOP;
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
        for (int from = 1; from <= roles.size(); from++) {
            for (int to = 1; to <= roles.size(); to++) {
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

    private void drawBands() {
        double right = LEFT + LANE * roles.size();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String css = band.traffic == null ? "startup" : i % 2 == 0 ? "band-even" : "band-odd";
            svg.append("<g class=\"band\" data-phase=\"").append(Html.escape(band.label)).append("\">");
            rect(0, band.y, right + LABELS, band.height, css, null);
            if (band.opened != null && band.barrier != null) {
                double top = y(band.opened);
                rect(LEFT, top, right - LEFT, band.y + band.height - top, "wait " + stateCss(band.state),
                        "waiting at '" + band.barrier + "' for " + millis(band.opened, band.to) + " ms");
            }
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(band.y + 12))
                    .append("\" text-anchor=\"end\">").append(Html.escape(band.label)).append("</text>");
            svg.append("<text class=\"axis time\" x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(band.y + 24))
                    .append("\" text-anchor=\"end\">").append(seconds(band.from)).append("</text>");
            svg.append("</g>\n");
            if (band.barrier != null) {
                drawBarrier(band, right);
            } else if (band.traffic != null) {
                labels.add(new Label(band.y + band.height - 4, band.label + ": " + frames(band) + ", run ends",
                        null, "phase"));
            }
        }
    }

    private void drawBarrier(Band band, double right) {
        double y = band.y + band.height;
        String css = "barrier " + stateCss(band.state);
        String title = "barrier '" + band.barrier + "' " + band.state.word() + " at " + seconds(band.to)
                + (band.opened == null ? "" : ", " + millis(band.opened, band.to) + " ms after the first node arrived");
        svg.append("<g class=\"").append(css).append("\" data-barrier=\"").append(Html.escape(band.barrier))
                .append("\" data-state=\"").append(band.state.word()).append("\"><title>").append(Html.escape(title))
                .append("</title>");
        svg.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(fmt(right))
                .append("\" y2=\"").append(fmt(y)).append("\"/></g>\n");
        String text = switch (band.state) {
            case PASSED -> "'" + band.barrier + "' passed \u00b7 " + band.label + ": " + frames(band)
                    + ", " + millis(band.from, band.to) + " ms";
            case FAILED -> "\u2716 barrier '" + band.barrier + "' FAILED";
            case NOT_PASSED -> "'" + band.barrier + "' never passed";
        };
        labels.add(new Label(y - 3, text, title, "barrier-label " + stateCss(band.state)));
    }

    private void drawLanes(double bottom) {
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            double x = laneX(i);
            Instant end = endOf(role);
            double solidEnd = end == null ? bottom : y(end);
            svg.append("<g class=\"lane\" data-role=\"").append(Html.escape(role)).append("\">");
            line(x, TOP, x, solidEnd, "lane-line");
            if (solidEnd < bottom) {
                line(x, solidEnd, x, bottom, "lane-after");
            }
            svg.append("</g>\n");
        }
    }

    /** @return when the node's body ended or the node was removed or died, or null if it never did */
    private Instant endOf(String role) {
        for (RunEvents.Event event : run.events()) {
            if (role.equals(event.role())) {
                switch (event.kind()) {
                    case PASSED, FAILED, CANCELLED, REMOVED, DIED -> {
                        return event.at();
                    }
                    default -> {
                        // still running
                    }
                }
            }
        }
        return null;
    }

    private void drawTraffic() {
        for (Band band : bands) {
            int n = band.links.size();
            for (int k = 0; k < n; k++) {
                long[] link = band.links.get(k);
                String from = roles.get((int) link[0] - 1);
                String to = roles.get((int) link[1] - 1);
                double y = band.y + (k + 1) * band.height / (n + 1);
                double x1 = laneX((int) link[0] - 1);
                double x2 = laneX((int) link[1] - 1);
                String count = link[3] == 0 ? Long.toString(link[2])
                        : (link[2] == 0 ? "" : link[2] + " \u00b7 ") + "\u2717" + link[3];
                String title = band.label + ": " + from + " \u2192 " + to + ": " + link[2] + " frames sent"
                        + (link[3] == 0 ? "" : ", " + link[3] + " dropped by faults");
                svg.append("<g class=\"msg").append(link[2] == 0 ? " all-dropped" : link[3] > 0 ? " some-dropped" : "")
                        .append("\" data-from=\"").append(Html.escape(from)).append("\" data-to=\"")
                        .append(Html.escape(to)).append("\"><title>").append(Html.escape(title)).append("</title>");
                if (x1 == x2) {
                    svg.append("<text class=\"count\" x=\"").append(fmt(x1 + 6)).append("\" y=\"").append(fmt(y + 4))
                            .append("\">\u21ba ").append(count).append("</text>");
                } else {
                    double direction = Math.signum(x2 - x1);
                    double width = Math.min(4, 1 + Math.log10(Math.max(1, link[2])));
                    svg.append("<line x1=\"").append(fmt(x1 + 5 * direction)).append("\" y1=\"").append(fmt(y - 5))
                            .append("\" x2=\"").append(fmt(x2 - 5 * direction)).append("\" y2=\"").append(fmt(y + 5))
                            .append("\" stroke-width=\"").append(fmt(width)).append("\" marker-end=\"url(#head)\"/>");
                    // halfway to the next lane, so that no count sits on a lane the arrow crosses
                    double share = Math.min(0.5, LANE / 2.0 / Math.abs(x2 - x1));
                    svg.append("<text class=\"count\" x=\"").append(fmt(x1 + share * (x2 - x1))).append("\" y=\"")
                            .append(fmt(y - 8 + share * 10)).append("\" text-anchor=\"middle\">").append(count).append("</text>");
                }
                svg.append("</g>\n");
            }
            if (band.hiddenLinks > 0) {
                labels.add(new Label(band.y + band.height / 2, "+" + band.hiddenLinks + " quieter links not drawn",
                        null, "phase"));
            }
        }
    }

    private void drawEvents() {
        RootCause root = run.result().rootCause();
        int drawn = 0;
        int labelled = 0;
        for (RunEvents.Event event : run.events()) {
            EventKind kind = event.kind();
            if (kind == EventKind.START || kind == EventKind.BARRIER || kind == EventKind.END
                    || kind == EventKind.LIFECYCLE && event.role() == null) {
                continue; // the bands show these
            }
            // the abort, which marks the root cause, is drawn whatever came before it
            if (kind != EventKind.ABORTED && drawn++ >= MAX_EVENTS) {
                if (drawn == MAX_EVENTS + 1) {
                    labels.add(new Label(y(event.at()), "further events only in " + MergedLog.FILE, null, "phase"));
                }
                continue;
            }
            int lane = event.role() == null ? -1 : roles.indexOf(event.role());
            double y = y(event.at());
            String title = seconds(event.at()) + " " + (event.role() == null ? "" : event.role() + ": ") + event.text();
            String css = "ev ev-" + kind.name().toLowerCase(Locale.ROOT);
            svg.append("<g class=\"").append(css).append("\"");
            if (event.role() != null) {
                svg.append(" data-role=\"").append(Html.escape(event.role())).append("\"");
            }
            svg.append("><title>").append(Html.escape(title)).append("</title>");
            if (lane < 0) {
                line(LEFT - 4, y, LEFT + LANE * roles.size(), y, "across");
            } else {
                marker(kind, laneX(lane), y);
            }
            if (kind == EventKind.ABORTED && root != null && root.role() != null && roles.contains(root.role())) {
                svg.append("<circle id=\"root-cause\" class=\"root-ring\" cx=\"").append(fmt(laneX(roles.indexOf(root.role()))))
                        .append("\" cy=\"").append(fmt(y)).append("\" r=\"11\"/>");
            }
            svg.append("</g>\n");
            boolean worthALabel = kind != EventKind.LIFECYCLE && kind != EventKind.PASSED && kind != EventKind.CANCELLED;
            if (worthALabel && (kind == EventKind.ABORTED || labelled++ < MAX_EVENT_LABELS)) {
                String first = RunRecord.firstLine(event.text());
                labels.add(new Label(y + 4, (event.role() == null ? "" : event.role() + ": ") + first, title,
                        "ev-label ev-" + kind.name().toLowerCase(Locale.ROOT)));
            } else if (worthALabel && labelled == MAX_EVENT_LABELS + 1) {
                labels.add(new Label(y + 4, "further events are labelled only in the table below", null, "phase"));
            }
        }
    }

    private void marker(EventKind kind, double x, double y) {
        switch (kind) {
            case FAILED, DIED, REMOVED -> {
                String d = "M" + fmt(x - 6) + "," + fmt(y - 6) + " L" + fmt(x + 6) + "," + fmt(y + 6) + " M" + fmt(x + 6)
                        + "," + fmt(y - 6) + " L" + fmt(x - 6) + "," + fmt(y + 6);
                svg.append("<path class=\"cross\" d=\"").append(d).append("\"/>");
            }
            case CANCELLED -> rect(x - 4, y - 4, 8, 8, "square", null);
            case FAULT -> svg.append("<path class=\"diamond\" d=\"M").append(fmt(x)).append(',').append(fmt(y - 6))
                    .append(" L").append(fmt(x + 6)).append(',').append(fmt(y)).append(" L").append(fmt(x)).append(',')
                    .append(fmt(y + 6)).append(" L").append(fmt(x - 6)).append(',').append(fmt(y)).append(" z\"/>");
            default -> svg.append("<circle class=\"dot\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"").append(kind == EventKind.PASSED ? 5 : 3).append("\"/>");
        }
    }

    /** @return the bottom of the last label */
    private double drawLabels() {
        labels.sort(Comparator.comparingDouble(Label::y));
        double x = LEFT + LANE * roles.size() + 10;
        double next = 0;
        for (Label label : labels) {
            double y = Math.max(label.y, next);
            if (y - label.y > 2) {
                line(x - 8, label.y - 4, x - 2, y - 4, "leader");
            }
            svg.append("<text class=\"label ").append(label.css).append("\" x=\"").append(fmt(x)).append("\" y=\"")
                    .append(fmt(y)).append("\">");
            if (label.title != null) {
                svg.append("<title>").append(Html.escape(label.title)).append("</title>");
            }
            svg.append(Html.escape(Html.shorten(label.text, LABEL_CHARS))).append("</text>\n");
            next = y + LABEL_GAP;
        }
        return next;
    }

    /** The lane names, as buttons: clicking one shows only that node's links. */
    private String laneHeads() {
        RootCause root = run.result().rootCause();
        StringBuilder heads = new StringBuilder("<div class=\"lane-heads\">");
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            boolean isRoot = root != null && role.equals(root.role());
            heads.append("<button type=\"button\" class=\"lane-head").append(isRoot ? " root" : "").append("\" data-role=\"")
                    .append(Html.escape(role)).append("\" style=\"left:").append(fmt(laneX(i) - LANE / 2.0 + 8))
                    .append("px;width:").append(LANE - 16).append("px\" title=\"").append(Html.escape(role))
                    .append(isRoot ? ": the root cause" : "").append(" (click to show only its links)\">")
                    .append(Html.escape(role)).append("</button>");
        }
        return heads.append("</div>\n").toString();
    }

    private double y(Instant at) {
        if (bands.isEmpty()) {
            return TOP;
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

    private static String frames(Band band) {
        long total = Barriers.frames(band.traffic);
        long dropped = Barriers.frames(band.dropped);
        return total + (total == 1 ? " frame" : " frames") + (dropped == 0 ? "" : ", " + dropped + " dropped");
    }

    private static String stateCss(Barriers.State state) {
        return state == null ? "" : state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String seconds(Instant at) {
        return String.format(Locale.ROOT, "+%.3f s", nanos(start, at) / 1e9);
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static long nanos(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }

    private static double laneX(int lane) {
        return LEFT + LANE * (lane + 0.5);
    }

    private void line(double x1, double y1, double x2, double y2, String css) {
        svg.append("<line class=\"").append(css).append("\" x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1))
                .append("\" x2=\"").append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\"/>");
    }

    private void rect(double x, double y, double width, double height, String css, String title) {
        svg.append("<rect class=\"").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(fmt(Math.max(0, height))).append('"');
        if (title == null) {
            svg.append("/>");
        } else {
            svg.append("><title>").append(Html.escape(title)).append("</title></rect>");
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
