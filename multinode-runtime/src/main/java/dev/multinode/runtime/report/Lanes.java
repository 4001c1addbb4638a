package dev.multinode.runtime.report;

import static dev.multinode.runtime.report.Svg.fmt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The nodes' lanes of the space-time diagram, drawn from each node's {@link LifecycleRecord}: a solid
 * line while an incarnation lives, a faint dotted one while the node is down for a restart, each new
 * incarnation labelled {@code #1}, {@code #2}..., a hatched band while the node is paused, and a
 * dashed line once it has ended for good.
 */
final class Lanes {

    /** The width of a paused band: narrow, so that the arrows crossing the lane stay readable. */
    private static final double PAUSED_WIDTH = 14;
    /** A pause shorter than a pixel on the diagram's scale must still show. */
    private static final double MIN_PAUSED_HEIGHT = 3;

    private final RunRecord run;
    private final Svg svg;
    private final ToDoubleFunction<Instant> y;
    private final Function<Instant, String> seconds;
    private final double top;
    private final double bottom;

    /**
     * @param run     the run
     * @param svg     where to draw
     * @param y       the height of an instant in the diagram
     * @param seconds an instant as the diagram writes it
     * @param top     where the lanes start
     * @param bottom  where they end
     */
    Lanes(RunRecord run, Svg svg, ToDoubleFunction<Instant> y, Function<Instant, String> seconds, double top,
          double bottom) {
        this.run = run;
        this.svg = svg;
        this.y = y;
        this.seconds = seconds;
        this.top = top;
        this.bottom = bottom;
    }

    void draw() {
        List<String> roles = run.roles();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            svg.append("<g class=\"lane\" data-role=\"").append(Html.escape(role)).append("\">");
            lane(role, LifecycleRecord.of(run.events(), role), SpaceTimeDiagram.laneX(i));
            svg.append("</g>\n");
        }
    }

    private void lane(String role, LifecycleRecord life, double x) {
        double from = top;
        List<LifecycleRecord.Interval> downtimes = life.downtimes();
        for (int i = 0; i < downtimes.size(); i++) {
            LifecycleRecord.Interval down = downtimes.get(i);
            double downFrom = y.applyAsDouble(down.from());
            svg.line(x, from, x, downFrom, "lane-line");
            from = down.to() == null ? bottom : y.applyAsDouble(down.to());
            downtime(role, down, x, downFrom, from);
            if (down.to() != null) {
                incarnation(role, life.restarts().get(i), x, from);
            }
        }
        if (from < bottom) {
            double solidEnd = life.end() == null ? bottom : y.applyAsDouble(life.end());
            svg.line(x, from, x, solidEnd, "lane-line");
            if (solidEnd < bottom) {
                svg.line(x, solidEnd, x, bottom, "lane-after");
            }
        }
        for (LifecycleRecord.Interval pause : life.pauses()) {
            paused(role, pause, x);
        }
    }

    private void downtime(String role, LifecycleRecord.Interval down, double x, double from, double to) {
        String title = role + " down for a restart from " + seconds.apply(down.from())
                + (down.to() == null ? " to the run's end" : " for " + millis(down) + " ms");
        svg.append("<g class=\"downtime\"><title>").append(Html.escape(title)).append("</title>");
        svg.line(x, from, x, to, "lane-down");
        svg.append("</g>");
    }

    private void incarnation(String role, LifecycleRecord.Restart restart, double x, double at) {
        svg.append("<text class=\"incarnation\" x=\"").append(fmt(x + 5)).append("\" y=\"").append(fmt(at + 12))
                .append("\"><title>").append(Html.escape(role + " incarnation " + restart.incarnation() + " up at "
                        + seconds.apply(restart.at()))).append("</title>#").append(restart.incarnation()).append("</text>");
    }

    private void paused(String role, LifecycleRecord.Interval pause, double x) {
        double from = y.applyAsDouble(pause.from());
        double to = pause.to() == null ? bottom : y.applyAsDouble(pause.to());
        String title = role + " paused at " + seconds.apply(pause.from())
                + (pause.to() == null ? " until the run's end" : " for " + millis(pause) + " ms");
        svg.rect(x - PAUSED_WIDTH / 2, from, PAUSED_WIDTH, Math.max(MIN_PAUSED_HEIGHT, to - from), "paused", title);
    }

    private static long millis(LifecycleRecord.Interval interval) {
        return Duration.between(interval.from(), interval.to()).toMillis();
    }
}
