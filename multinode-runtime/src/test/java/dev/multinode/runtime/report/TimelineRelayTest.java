package dev.multinode.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * timeline.html shows the system's own traffic through relays beside the frames, in its own colour,
 * and only in runs that relayed anything.
 */
class TimelineRelayTest {

    private static final String LEGEND = "relayed bytes (system's own sockets)";
    private static final String COLUMNS = "<th>relayed bytes</th><th>relayed connections</th>";

    @TempDir
    Path folder;

    @Test
    void aLinkWithFramesAndRelayedBytesIsLabelledWithBoth() {
        assertThat(link(page(), "node-a", "node-b"))
                .startsWith("<g class=\"msg relayed\"")
                .contains("<title>phase 1: node-a \u2192 node-b: 5 frames sent, 12600 bytes relayed on 2 connections"
                        + " node-a opened</title>")
                .contains("marker-end=\"url(#head)\"")
                .contains(">5 \u00b7 <tspan class=\"relayed\">12.3 KB, 2 conn</tspan></text>");
    }

    @Test
    void aLinkWithOnlyRelayedBytesIsDrawnInTheRelaysStyle() {
        assertThat(link(page(), "node-b", "node-a"))
                .startsWith("<g class=\"msg relayed-only\"")
                .contains("marker-end=\"url(#relayed-head)\"")
                .contains("\"><tspan class=\"relayed\">1.5 KB</tspan></text>");
    }

    @Test
    void theLegendTheBarrierAndThePhaseTableTellTheRelayedTraffic() {
        String page = page();

        assertThat(page).contains(LEGEND).contains(COLUMNS)
                .contains("&#39;done&#39; passed \u00b7 phase 1: 5 frames, 13.8 KB relayed, 980 ms")
                .contains("<td class=\"num\">5</td><td class=\"num\">0</td><td class=\"num\" title=\"14100 bytes\">"
                        + "13.8 KB</td><td class=\"num\">2</td></tr>");
    }

    @Test
    void aRunWithoutRelaysLooksAsBefore() {
        String page = TimelinePage.of(LifecycleRun.record(folder));

        assertThat(page).doesNotContain(LEGEND).doesNotContain(COLUMNS)
                .contains("&#39;done&#39; passed \u00b7 phase 1: 0 frames, 980 ms");
    }

    private String page() {
        return TimelinePage.of(LifecycleRun.relayed(folder));
    }

    private static String link(String page, String from, String to) {
        String attributes = "\" data-from=\"" + from + "\" data-to=\"" + to + "\">";
        int end = page.indexOf(attributes);
        assertThat(end).as("the link " + from + " \u2192 " + to).isNotNegative();
        int start = page.lastIndexOf("<g class=\"msg", end);
        return page.substring(start, page.indexOf("</g>", end));
    }
}
