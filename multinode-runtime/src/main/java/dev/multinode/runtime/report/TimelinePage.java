package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.PhaseRecord;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.runtime.conductor.RunEvents;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code timeline.html}: one self-contained page (inline CSS, SVG and script; nothing fetched) with
 * the run's facts, its root cause, the {@linkplain SpaceTimeDiagram space-time diagram} and tables of the
 * nodes, barriers and conductor events. Clicking a lane's name shows only that node's links. The
 * script marks the document {@code data-timeline="ready"} once it has run, which tests check for.
 */
final class TimelinePage {

    /** The file's name in the run folder. */
    static final String FILE = "timeline.html";
    private static final int MAX_ROWS = 2_000;
    private static final int FAILURE_LINES = 60;

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:20px;color:#1f2937;background:#fff}
            h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:22px 0 8px}
            code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:12px}
            .status{display:inline-block;padding:1px 8px;border-radius:4px;color:#fff;font-size:14px;vertical-align:2px}
            .status.passed{background:#16a34a}.status.failed{background:#dc2626}
            .facts,.files{margin:2px 0;color:#4b5563}
            .failure{border:2px solid #dc2626;background:#fef2f2;border-radius:6px;padding:8px 14px;margin-top:14px}
            .failure h2{margin:4px 0;color:#b91c1c}.failure pre{white-space:pre-wrap;margin:6px 0;max-height:22em;overflow:auto}
            .scroll{overflow:auto;border:1px solid #e5e7eb;border-radius:6px;max-height:85vh}
            .legend span{margin-right:14px;white-space:nowrap}
            table{border-collapse:collapse}td,th{border-bottom:1px solid #e5e7eb;padding:3px 10px;text-align:left;vertical-align:top}
            th{background:#f3f4f6;white-space:nowrap}td{white-space:nowrap}td.wrap{white-space:normal}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.bad td{background:#fef2f2}
            svg text{font:11px system-ui,-apple-system,"Segoe UI",sans-serif;fill:#374151}
            .startup{fill:#f5f5f4}.band-even{fill:#f9fafb}.band-odd{fill:#fff}
            .wait{fill:#dbeafe;opacity:.7}.wait.failed,.wait.not-passed{fill:#fecaca}
            .barrier line{stroke:#2563eb;stroke-width:1.5}.barrier.failed line{stroke:#dc2626;stroke-width:3}
            .barrier.not-passed line{stroke:#dc2626;stroke-width:2;stroke-dasharray:6 4}
            .lane-line{stroke:#4b5563;stroke-width:2}.lane-after{stroke:#c4c9d0;stroke-width:2;stroke-dasharray:3 5}
            .lane-down{stroke:#9ca3af;stroke-width:1;stroke-dasharray:1 4}.incarnation{font-weight:600;fill:#1d4ed8}
            .paused{fill:url(#hatch);stroke:#6b7280;stroke-width:.5}.hatch-ground{fill:#e5e7eb}.hatch-line{stroke:#6b7280;stroke-width:2}
            .clock-face{fill:#fff;stroke:#7c3aed;stroke-width:1.5}.clock-hands{fill:none;stroke:#7c3aed;stroke-width:1.5}
            .diagram{position:relative}
            .lane-heads{position:sticky;top:0;height:34px;background:rgba(255,255,255,.92);z-index:1;border-bottom:1px solid #e5e7eb}
            .lane-head{position:absolute;top:5px;height:24px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;cursor:pointer;
              font:600 12px system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937;background:#f3f4f6;
              border:1px solid #9ca3af;border-radius:4px}
            .lane-head.root{background:#fee2e2;border:2px solid #dc2626;color:#b91c1c}
            .lane-head.focused{background:#dbeafe;border-color:#2563eb}
            .msg line{stroke:#6b7280}.head{fill:#6b7280}
            .msg .count{font-size:10px;fill:#111827;paint-order:stroke;stroke:#fff;stroke-width:3px}
            .msg.dim{opacity:.1}.msg.some-dropped .count{fill:#b91c1c}.msg.all-dropped line{stroke:#dc2626;stroke-dasharray:4 3}
            .msg .relayed{fill:#0f766e;font-style:italic}.head.relayed{fill:#0d9488}
            .msg.relayed-only line{stroke:#0d9488;stroke-dasharray:5 3}
            .axis{fill:#6b7280}.axis.time{font-size:10px}
            .dot{fill:#9ca3af}.ev-passed .dot{fill:#16a34a}.square{fill:#9ca3af}
            .cross{stroke:#dc2626;stroke-width:3;fill:none}.ev-removed .cross{stroke:#111827}
            .diamond{fill:#f59e0b}.across{stroke:#f59e0b;stroke-width:1.5;stroke-dasharray:5 3}
            .ev-aborted .across{stroke:#dc2626;stroke-width:2;stroke-dasharray:2 3}
            .root-ring{fill:none;stroke:#dc2626;stroke-width:2.5}
            .label.phase{fill:#6b7280}.barrier-label.passed{fill:#1d4ed8}
            .barrier-label.failed,.barrier-label.not-passed,.ev-label.ev-failed,.ev-label.ev-died,.ev-label.ev-aborted{
              fill:#b91c1c;font-weight:600}
            .ev-label.ev-fault{fill:#b45309}.ev-label.ev-clock{fill:#6d28d9}.leader{stroke:#d1d5db}
            """;

    private static final String SCRIPT = """
            (function () {
              var svg = document.getElementById('timeline');
              var heads = document.querySelectorAll('.lane-head');
              var links = svg.querySelectorAll('.msg');
              function focus(role) {
                var next = svg.getAttribute('data-focus') === role ? '' : role;
                svg.setAttribute('data-focus', next);
                links.forEach(function (link) {
                  var touches = link.getAttribute('data-from') === next || link.getAttribute('data-to') === next;
                  link.classList.toggle('dim', next !== '' && !touches);
                });
                heads.forEach(function (head) {
                  head.classList.toggle('focused', head.getAttribute('data-role') === next);
                });
              }
              heads.forEach(function (head) {
                var role = head.getAttribute('data-role');
                head.addEventListener('click', function () { focus(role); });
              });
              document.documentElement.setAttribute('data-timeline', 'ready');
            })();
            """;

    private final RunRecord run;
    /** Whether the system's own sockets went through relays: a run without relays keeps the page as it was. */
    private final boolean relayed;
    private final StringBuilder html = new StringBuilder(128 * 1024);

    private TimelinePage(RunRecord run) {
        this.run = run;
        this.relayed = LinkCounts.of(run).relayed();
    }

    static String of(RunRecord run) {
        return new TimelinePage(run).page();
    }

    private String page() {
        String status = run.passed() ? "PASSED" : "FAILED";
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(status).append(' ')
                .append(Html.escape(run.testClass() + " \u203a " + run.name())).append("</title>\n<style>\n")
                .append(STYLE).append("</style></head>\n<body>\n");
        header(status);
        failure();
        html.append("<section><h2>Timeline</h2>\n<p class=\"legend\">Time runs down from the run's start, one lane per node")
                .append(" (click a name to show only its links).<br>")
                .append(legend("#2563eb", "\u2014", "barrier passed"))
                .append(legend("#93c5fd", "\u2588", "nodes waiting at a barrier"))
                .append(legend("#6b7280", "\u2192 n", "frames sent in the phase"))
                .append(legend("#b91c1c", "\u2717n", "dropped by faults"))
                .append(relayed ? legend("#0f766e", "\u21e2 KB, n conn", "relayed bytes (system's own sockets), connections opened")
                        : "")
                .append(legend("#16a34a", "\u25cf", "body passed")).append(legend("#9ca3af", "\u25a0", "cancelled"))
                .append(legend("#dc2626", "\u2716", "failed or died")).append(legend("#111827", "\u2716", "killed by a fault"))
                .append(legend("#f59e0b", "\u25c6", "fault")).append(legend("#dc2626", "\u25ef", "root cause"))
                .append(legend("#9ca3af", "\u2506", "down for a restart")).append(legend("#1d4ed8", "#1", "new incarnation"))
                .append(legend("#6b7280", "\u25a8", "paused")).append(legend("#7c3aed", "\u25f7", "clock changed"))
                .append("</p>\n<div class=\"scroll\">\n")
                .append(SpaceTimeDiagram.of(run)).append("</div></section>\n");
        nodes();
        barriers();
        events();
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static String legend(String color, String symbol, String meaning) {
        return "<span><b style=\"color:" + color + "\">" + symbol + "</b> " + meaning + "</span> ";
    }

    private void header(String status) {
        html.append("<header><h1><span class=\"status ").append(status.toLowerCase(Locale.ROOT)).append("\">").append(status)
                .append("</span> ").append(Html.escape(run.testClass())).append(" \u203a ").append(Html.escape(run.name()))
                .append("</h1>\n<p class=\"facts\">run <code>").append(Html.escape(run.runId())).append("</code> \u00b7 ")
                .append(Html.escape(run.transport() + "/" + run.launchMode())).append(" \u00b7 seed <code>").append(run.seed())
                .append("</code> \u00b7 started ").append(LogLine.instant(run.started())).append(" \u00b7 took ")
                .append(String.format(Locale.ROOT, "%.3f s", Duration.between(run.started(), run.ended()).toMillis() / 1e3))
                .append(run.simulation() == null ? "" : " of virtual time in " + run.simulation().steps() + " simulated steps")
                .append(" \u00b7 nodes: ").append(Html.escape(String.join(", ", run.roles()))).append("</p>\n");
        html.append("<p class=\"files\">files: <a href=\"").append(MergedLog.FILE).append("\">").append(MergedLog.FILE)
                .append("</a> \u00b7 <a href=\"").append(ResultJson.FILE).append("\">").append(ResultJson.FILE).append("</a>");
        for (String role : run.roles()) {
            if (Files.exists(run.logOf(role))) {
                String file = Html.escape(role + ".log");
                html.append(" \u00b7 <a href=\"").append(file).append("\">").append(file).append("</a>");
            }
        }
        html.append("</p></header>\n");
    }

    private void failure() {
        RootCause root = run.result().rootCause();
        if (root == null) {
            return;
        }
        html.append("<section class=\"failure\" id=\"failure\"><h2>Root cause: ")
                .append(Html.escape(root.role() == null ? "the run" : root.role()))
                .append(root.where() == null ? "" : ", " + Html.escape(root.where())).append("</h2>\n<pre>");
        List<String> lines = root.summary().lines().toList();
        html.append(Html.escape(String.join("\n", lines.subList(0, Math.min(FAILURE_LINES, lines.size())))));
        if (lines.size() > FAILURE_LINES) {
            html.append("\n\u2026 (").append(lines.size() - FAILURE_LINES).append(" more lines in ").append(MergedLog.FILE)
                    .append(')');
        }
        html.append("</pre>");
        if (root.role() != null && run.roles().contains(root.role())) {
            html.append("<a href=\"#root-cause\">show it on the timeline</a>");
        }
        html.append("</section>\n");
    }

    private void nodes() {
        html.append("<section><h2>Nodes</h2>\n<table><tr><th>node</th><th>outcome</th><th>where</th>")
                .append("<th>body ran</th><th>incarnations</th><th>error</th></tr>\n");
        for (NodeReport node : run.result().nodes()) {
            boolean bad = node.ending().isFailure();
            String error = run.errorSummary(node);
            html.append("<tr").append(bad ? " class=\"bad\"" : "").append("><td>").append(Html.escape(node.role()))
                    .append("</td><td>").append(Html.escape(RunRecord.firstLine(node.outcome()))).append("</td><td>")
                    .append(Html.escape(node.where())).append("</td><td class=\"num\">").append(node.durationMs())
                    .append(" ms</td><td class=\"num\">").append(LifecycleRecord.of(run.events(), node.role()).incarnations())
                    .append("</td><td class=\"wrap\"><code>").append(Html.escape(error == null ? "" : Html.shorten(error, 300)))
                    .append("</code></td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private void barriers() {
        List<PhaseRecord> phases = run.result().phases();
        html.append("<section><h2>Phases and barriers</h2>\n<table><tr><th>#</th><th>ends at barrier</th><th>outcome</th>")
                .append("<th>first arrival</th><th>released</th><th>waited</th><th>frames in phase</th>")
                .append("<th>dropped by faults</th>")
                .append(relayed ? "<th>relayed bytes</th><th>relayed connections</th>" : "").append("</tr>\n");
        Instant start = run.started();
        for (int i = 0; i < phases.size() && i < MAX_ROWS; i++) {
            PhaseRecord phase = phases.get(i);
            Barriers.State state = phase.barrier() == null ? null : Barriers.state(run, i);
            html.append("<tr").append(state == null || state == Barriers.State.PASSED ? "" : " class=\"bad\"").append(">")
                    .append("<td class=\"num\">").append(i + 1).append("</td><td>")
                    .append(phase.barrier() == null ? "(none: the run ends)" : Html.escape("'" + phase.barrier() + "'"))
                    .append("</td><td>").append(state == null ? "" : state.word()).append("</td><td class=\"num\">")
                    .append(state == null ? "" : since(start, phase.opened())).append("</td><td class=\"num\">")
                    .append(state == Barriers.State.PASSED ? since(start, phase.passed()) : "").append("</td><td class=\"num\">")
                    .append(state == null ? "" : Duration.between(phase.opened(), phase.passed()).toMillis() + " ms")
                    .append("</td><td class=\"num\">").append(LinkCounts.total(phase.traffic())).append("</td><td class=\"num\">")
                    .append(LinkCounts.total(phase.dropped())).append("</td>");
            if (relayed) {
                long bytes = LinkCounts.total(phase.relayedBytes());
                html.append("<td class=\"num\" title=\"").append(bytes).append(" bytes\">").append(ByteSize.compact(bytes))
                        .append("</td><td class=\"num\">").append(LinkCounts.total(phase.relayedConnections())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>");
        if (phases.size() > MAX_ROWS) {
            html.append("<p>").append(phases.size() - MAX_ROWS).append(" more phases: see ").append(ResultJson.FILE).append("</p>");
        }
        html.append("</section>\n");
    }

    private void events() {
        List<RunEvents.Event> events = run.events();
        html.append("<section><h2>Conductor events</h2>\n<table><tr><th>time</th><th>node</th><th>event</th></tr>\n");
        for (int i = 0; i < events.size() && i < MAX_ROWS; i++) {
            RunEvents.Event event = events.get(i);
            html.append("<tr><td class=\"num\">").append(since(run.started(), event.at())).append("</td><td>")
                    .append(Html.escape(event.role())).append("</td><td class=\"wrap\"><code>")
                    .append(Html.escape(Html.shorten(RunRecord.firstLine(event.text()), 400))).append("</code></td></tr>\n");
        }
        html.append("</table>");
        if (events.size() > MAX_ROWS) {
            html.append("<p>").append(events.size() - MAX_ROWS).append(" more events: see ").append(MergedLog.FILE).append("</p>");
        }
        html.append("</section>\n");
    }

    private static String since(Instant start, Instant at) {
        return String.format(Locale.ROOT, "+%.3f s", Duration.between(start, at).toNanos() / 1e9);
    }
}
