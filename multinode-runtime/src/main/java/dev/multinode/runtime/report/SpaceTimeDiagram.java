package dev.multinode.runtime.report;

import static dev.multinode.runtime.report.Svg.fmt;

import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.runtime.conductor.RunEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The space-time diagram of a run as inline SVG under a row of lane names that stays in view while
 * the diagram scrolls: time runs down, one vertical lane per node, through the
 * {@linkplain BandLayout bands} of the run's phases. A band shows the frames each node sent each other during the phase as one arrow per link,
 * labelled with the count and, in another colour, the bytes and connections of the system's own
 * sockets that relays carried on the link (a link with only those is a dashed arrow); a barrier is a line across the lanes where it released its nodes, over
 * a shaded strip from the first node's arrival. The {@linkplain Lanes lanes} show restarts and
 * pauses; lifecycle events, clock changes, faults and deaths sit on their lane at their time; the
 * root cause is marked in red.
 */
final class SpaceTimeDiagram {

    private static final int MAX_EVENTS = 2_000;
    private static final int MAX_EVENT_LABELS = 300;
    /** Left of the first lane: the bands' names and times. */
    static final int LEFT = 100;
    /** The width of a lane. */
    static final int LANE = 150;
    private static final int LABELS = 500;
    private static final int TOP = 10;
    private static final int BOTTOM = 20;
    private static final int LABEL_GAP = 13;
    private static final int LABEL_CHARS = 70;

    /** A text in the column right of the lanes, placed so that labels never overlap. */
    private record Label(double y, String text, String title, String css) {
    }

    private final RunRecord run;
    private final List<String> roles;
    private final Instant start;
    private final List<Label> labels = new ArrayList<>();
    private final Svg svg = new Svg();
    private List<Band> bands;

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
        bands = BandLayout.of(run, start, TOP);
        double lanesBottom = bands.isEmpty() ? TOP : bands.get(bands.size() - 1).y + bands.get(bands.size() - 1).height;
        drawBands();
        new Lanes(run, svg, this::y, this::seconds, TOP, lanesBottom).draw();
        drawTraffic();
        drawEvents();
        double labelsBottom = drawLabels();
        int width = LEFT + LANE * roles.size() + LABELS;
        int height = (int) Math.ceil(Math.max(lanesBottom, labelsBottom) + BOTTOM);
        return "<div class=\"diagram\" style=\"width:" + width + "px\">\n" + LaneHeads.of(run)
                + "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"space-time diagram of the run\">\n"
                + "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker>"
                + "<marker id=\"relayed-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head relayed\"/>"
                + "</marker>"
                + "<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect class=\"hatch-ground\" width=\"6\" height=\"6\"/>"
                + "<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\n"
                + svg + "</svg></div>\n";
    }

    private void drawBands() {
        double right = LEFT + LANE * roles.size();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String css = band.counts == null ? "startup" : i % 2 == 0 ? "band-even" : "band-odd";
            svg.append("<g class=\"band\" data-phase=\"").append(Html.escape(band.label)).append("\">");
            svg.rect(0, band.y, right + LABELS, band.height, css, null);
            if (band.opened != null && band.barrier != null) {
                double top = y(band.opened);
                svg.rect(LEFT, top, right - LEFT, band.y + band.height - top, "wait " + stateCss(band.state),
                        "waiting at '" + band.barrier + "' for " + millis(band.opened, band.to) + " ms");
            }
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(band.y + 12))
                    .append("\" text-anchor=\"end\">").append(Html.escape(band.label)).append("</text>");
            svg.append("<text class=\"axis time\" x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(band.y + 24))
                    .append("\" text-anchor=\"end\">").append(seconds(band.from)).append("</text>");
            svg.append("</g>\n");
            if (band.barrier != null) {
                drawBarrier(band, right);
            } else if (band.counts != null) {
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

    private void drawTraffic() {
        for (Band band : bands) {
            int n = band.links.size();
            for (int k = 0; k < n; k++) {
                drawLink(band, band.links.get(k), band.y + (k + 1) * band.height / (n + 1));
            }
            if (band.hiddenLinks > 0) {
                labels.add(new Label(band.y + band.height / 2, "+" + band.hiddenLinks + " quieter links not drawn",
                        null, "phase"));
            }
        }
    }

    /** One link as an arrow labelled with its frames and, set apart, the system's own bytes relayed on it. */
    private void drawLink(Band band, Link link, double y) {
        String from = roles.get(link.from() - 1);
        String to = roles.get(link.to() - 1);
        double x1 = laneX(link.from() - 1);
        double x2 = laneX(link.to() - 1);
        String frames = link.framesText();
        String relayed = link.relayedText();
        String count = Html.escape(frames) + (frames.isEmpty() || relayed.isEmpty() ? "" : " \u00b7 ")
                + (relayed.isEmpty() ? "" : "<tspan class=\"relayed\">" + Html.escape(relayed) + "</tspan>");
        String title = band.label + ": " + from + " \u2192 " + to + ": " + link.frames() + " frames sent"
                + (link.dropped() == 0 ? "" : ", " + link.dropped() + " dropped by faults")
                + (link.relayed() ? ", " + link.relayedBytes() + " bytes relayed" : "")
                + (link.relayedConnections() == 0 ? "" : " on " + link.relayedConnections()
                + (link.relayedConnections() == 1 ? " connection " : " connections ") + from + " opened");
        String css = link.frames() == 0 && link.dropped() > 0 ? " all-dropped" : link.dropped() > 0 ? " some-dropped" : "";
        svg.append("<g class=\"msg").append(css).append(link.relayed() ? link.framed() ? " relayed" : " relayed-only" : "")
                .append("\" data-from=\"").append(Html.escape(from)).append("\" data-to=\"")
                .append(Html.escape(to)).append("\"><title>").append(Html.escape(title)).append("</title>");
        if (x1 == x2) {
            svg.append("<text class=\"count\" x=\"").append(fmt(x1 + 6)).append("\" y=\"").append(fmt(y + 4))
                    .append("\">\u21ba ").append(count).append("</text>");
        } else {
            double direction = Math.signum(x2 - x1);
            double width = Math.min(4, 1 + Math.log10(Math.max(1, link.frames())));
            svg.append("<line x1=\"").append(fmt(x1 + 5 * direction)).append("\" y1=\"").append(fmt(y - 5))
                    .append("\" x2=\"").append(fmt(x2 - 5 * direction)).append("\" y2=\"").append(fmt(y + 5))
                    .append("\" stroke-width=\"").append(fmt(width)).append("\" marker-end=\"url(#")
                    .append(link.framed() ? "head" : "relayed-head").append(")\"/>");
            // halfway to the next lane, so that no count sits on a lane the arrow crosses
            double share = Math.min(0.5, LANE / 2.0 / Math.abs(x2 - x1));
            svg.append("<text class=\"count\" x=\"").append(fmt(x1 + share * (x2 - x1))).append("\" y=\"")
                    .append(fmt(y - 8 + share * 10)).append("\" text-anchor=\"middle\">").append(count).append("</text>");
        }
        svg.append("</g>\n");
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
                svg.line(LEFT - 4, y, LEFT + LANE * roles.size(), y, "across");
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
            case FAILED, DIED, REMOVED, DOWN -> {
                String d = "M" + fmt(x - 6) + "," + fmt(y - 6) + " L" + fmt(x + 6) + "," + fmt(y + 6) + " M" + fmt(x + 6)
                        + "," + fmt(y - 6) + " L" + fmt(x - 6) + "," + fmt(y + 6);
                svg.append("<path class=\"cross\" d=\"").append(d).append("\"/>");
            }
            case CANCELLED -> svg.rect(x - 4, y - 4, 8, 8, "square", null);
            case CLOCK -> svg.append("<circle class=\"clock-face\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"6\"/><path class=\"clock-hands\" d=\"M").append(fmt(x)).append(',').append(fmt(y - 4))
                    .append(" L").append(fmt(x)).append(',').append(fmt(y)).append(" L").append(fmt(x + 3)).append(',')
                    .append(fmt(y)).append("\"/>");
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
                svg.line(x - 8, label.y - 4, x - 2, y - 4, "leader");
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

    private double y(Instant at) {
        return BandLayout.y(bands, at, TOP);
    }

    private static String frames(Band band) {
        long total = LinkCounts.total(band.counts.frames());
        long dropped = LinkCounts.total(band.counts.dropped());
        return total + (total == 1 ? " frame" : " frames") + (dropped == 0 ? "" : ", " + dropped + " dropped")
                + (band.counts.relayed() ? ", " + ByteSize.compact(LinkCounts.total(band.counts.relayedBytes())) + " relayed" : "");
    }

    private static String stateCss(Barriers.State state) {
        return state == null ? "" : state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String seconds(Instant at) {
        return String.format(Locale.ROOT, "+%.3f s", BandLayout.nanos(start, at) / 1e9);
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** @return the middle of a lane */
    static double laneX(int lane) {
        return LEFT + LANE * (lane + 0.5);
    }
}
