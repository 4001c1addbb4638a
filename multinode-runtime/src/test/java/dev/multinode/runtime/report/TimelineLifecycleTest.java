package dev.multinode.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timeline.html draws restarts as interrupted lanes, pauses as bands and clock changes as markers. */
class TimelineLifecycleTest {

    private static final Pattern LINE = Pattern.compile(
            "<line class=\"(lane-[a-z]+)\" x1=\"[0-9.]+\" y1=\"([0-9.]+)\" x2=\"[0-9.]+\" y2=\"([0-9.]+)\"/>");

    /** A piece of a lane as drawn. */
    private record Piece(String css, double from, double to) {
    }

    @TempDir
    Path folder;

    @Test
    void aRestartedNodesLaneIsInterruptedWhileItIsDown() {
        String lane = lane(page(), "node-b");

        List<Piece> pieces = pieces(lane);
        assertThat(pieces).extracting(Piece::css)
                .containsExactly("lane-line", "lane-down", "lane-line", "lane-down", "lane-line", "lane-after");
        for (int i = 1; i < pieces.size(); i++) {
            assertThat(pieces.get(i).from()).as("piece %d starts where the one before ends", i)
                    .isEqualTo(pieces.get(i - 1).to());
        }
        assertThat(pieces.get(1).to()).as("the down time takes room on the diagram").isGreaterThan(pieces.get(1).from());
        assertThat(lane).contains("<title>node-b down for a restart from +0.110 s for 190 ms</title>")
                .contains("<title>node-b down for a restart from +0.700 s for 200 ms</title>")
                .containsPattern("<text class=\"incarnation\"[^>]*><title>node-b incarnation 1 up at \\+0\\.300 s</title>#1</text>")
                .containsPattern("<text class=\"incarnation\"[^>]*><title>node-b incarnation 2 up at \\+0\\.900 s</title>#2</text>");
        assertThat(lane.indexOf(">#1<")).as("#1 labels the second segment").isLessThan(lane.indexOf(">#2<"));
    }

    @Test
    void aLaneWithoutRestartsIsOneLine() {
        String lane = lane(page(), "node-a");

        assertThat(pieces(lane)).extracting(Piece::css).containsExactly("lane-line", "lane-after");
        assertThat(lane).doesNotContain("class=\"incarnation\"").doesNotContain("class=\"paused\"");
    }

    @Test
    void aPauseIsAHatchedBandOnItsLane() {
        String page = page();
        String lane = lane(page, "node-c");

        assertThat(lane).contains("class=\"paused\"")
                .contains("<title>node-c paused at +0.400 s for 200 ms</title>")
                .contains("<title>node-c paused at +0.950 s until the run&#39;s end</title>");
        assertThat(pieces(lane)).extracting(Piece::css).containsExactly("lane-line");
        assertThat(page).contains("<pattern id=\"hatch\"").contains(".paused{fill:url(#hatch)");
    }

    @Test
    void aClockChangeIsAMarkerWithItsText() {
        assertThat(page()).containsPattern("<g class=\"ev ev-clock\" data-role=\"node-a\"><title>\\+0\\.650 s node-a: "
                + "clock skewed by 500 ms</title><circle class=\"clock-face\"");
    }

    @Test
    void theNodesTableCountsIncarnations() {
        assertThat(page()).containsPattern("<tr><td>node-b</td><td>passed</td><td>[^<]*</td><td class=\"num\">980 ms</td>"
                + "<td class=\"num\">3</td>");
    }

    private String page() {
        return TimelinePage.of(LifecycleRun.record(folder));
    }

    private static String lane(String page, String role) {
        String head = "<g class=\"lane\" data-role=\"" + role + "\">";
        int start = page.indexOf(head);
        assertThat(start).as("the lane of " + role).isNotNegative();
        return page.substring(start, page.indexOf("</g>\n", start));
    }

    private static List<Piece> pieces(String lane) {
        List<Piece> pieces = new ArrayList<>();
        Matcher line = LINE.matcher(lane);
        while (line.find()) {
            pieces.add(new Piece(line.group(1), Double.parseDouble(line.group(2)), Double.parseDouble(line.group(3))));
        }
        return pieces;
    }
}
