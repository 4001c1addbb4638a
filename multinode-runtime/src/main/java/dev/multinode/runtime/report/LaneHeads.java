package dev.multinode.runtime.report;

import static dev.multinode.runtime.report.Svg.fmt;

import dev.multinode.runtime.conductor.RootCause;
import java.util.List;

/** The row of lane names above the space-time diagram, which stays in view while the diagram scrolls. */
final class LaneHeads {

    private static final int LANE = SpaceTimeDiagram.LANE;

    private LaneHeads() {
    }

    /** @return the lane names, as buttons: clicking one shows only that node's links */
    static String of(RunRecord run) {
        List<String> roles = run.roles();
        RootCause root = run.result().rootCause();
        StringBuilder heads = new StringBuilder("<div class=\"lane-heads\">");
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            boolean isRoot = root != null && role.equals(root.role());
            heads.append("<button type=\"button\" class=\"lane-head").append(isRoot ? " root" : "").append("\" data-role=\"")
                    .append(Html.escape(role)).append("\" style=\"left:")
                    .append(fmt(SpaceTimeDiagram.laneX(i) - LANE / 2.0 + 8))
                    .append("px;width:").append(LANE - 16).append("px\" title=\"").append(Html.escape(role))
                    .append(isRoot ? ": the root cause" : "").append(" (click to show only its links)\">")
                    .append(Html.escape(role)).append("</button>");
        }
        return heads.append("</div>\n").toString();
    }
}
