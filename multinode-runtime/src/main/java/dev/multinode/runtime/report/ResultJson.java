package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.PhaseRecord;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.spi.ScheduleTrace;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code result.json}: the run's facts for tools (CI dashboards, scripts). Instants are ISO-8601 in
 * UTC; the seed is a string because a 64-bit integer does not survive a trip through a double (as in
 * JavaScript or older jq).
 */
final class ResultJson {

    /** The file's name in the run folder. */
    static final String FILE = "result.json";
    /** Bumped when a field changes meaning or goes away. */
    private static final int FORMAT = 1;

    private ResultJson() {
    }

    static String of(RunRecord run) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("format").value(FORMAT);
        json.name("testClass").value(run.testClass());
        json.name("name").value(run.name());
        json.name("runId").value(run.runId());
        json.name("runDirectory").value(run.runDirectory().toString());
        json.name("roles").beginArray();
        run.roles().forEach(json::value);
        json.endArray();
        json.name("transport").value(run.transport());
        json.name("launchMode").value(run.launchMode());
        json.name("seed").value(Long.toString(run.seed()));
        json.name("started").value(run.started().toString());
        json.name("ended").value(run.ended().toString());
        json.name("durationMs").value(millis(run.started(), run.ended()));
        json.name("passed").value(run.passed());
        simulation(json, run.simulation());
        rootCause(json, run.result().rootCause());
        LinkCounts counts = LinkCounts.of(run);
        json.name("nodes").beginArray();
        for (NodeReport node : run.result().nodes()) {
            json.beginObject();
            json.name("role").value(node.role());
            json.name("outcome").value(RunRecord.firstLine(node.outcome()));
            json.name("where").value(node.where());
            json.name("error").value(run.errorSummary(node));
            json.name("durationMs").value(node.durationMs());
            json.name("log").value(Files.exists(run.logOf(node.role())) ? node.role() + ".log" : null);
            relayed(json, counts, run.roles().indexOf(node.role()) + 1);
            lifecycle(json, LifecycleRecord.of(run.events(), node.role()));
            json.endObject();
        }
        json.endArray();
        barriers(json, run);
        json.name("files").beginObject();
        json.name("mergedLog").value(MergedLog.FILE);
        json.name("timeline").value(TimelinePage.FILE);
        json.endObject();
        return json.endObject().text();
    }

    /** A node's restarts, pauses and clock changes; {@code to} of a pause is null if it lasted to the run's end. */
    private static void lifecycle(JsonWriter json, LifecycleRecord life) {
        json.name("incarnations").value(life.incarnations());
        json.name("restarts").beginArray();
        for (LifecycleRecord.Restart restart : life.restarts()) {
            json.beginObject().name("at").value(restart.at().toString())
                    .name("incarnation").value(restart.incarnation()).endObject();
        }
        json.endArray();
        json.name("pauses").beginArray();
        for (LifecycleRecord.Interval pause : life.pauses()) {
            json.beginObject().name("from").value(pause.from().toString())
                    .name("to").value(pause.to() == null ? null : pause.to().toString()).endObject();
        }
        json.endArray();
        json.name("clockChanges").beginArray();
        for (LifecycleRecord.ClockChange change : life.clockChanges()) {
            json.beginObject().name("at").value(change.at().toString()).name("text").value(change.text()).endObject();
        }
        json.endArray();
    }

    /**
     * The system's own traffic through relays to and from a node over the whole run: 0 when nothing
     * was relayed, so that consumers need not tell a missing member from none.
     */
    private static void relayed(JsonWriter json, LinkCounts counts, int participant) {
        json.name("relayedBytesSent").value(LinkCounts.from(counts.relayedBytes(), participant));
        json.name("relayedBytesReceived").value(LinkCounts.to(counts.relayedBytes(), participant));
        json.name("relayedConnectionsOpened").value(LinkCounts.from(counts.relayedConnections(), participant));
    }

    private static void rootCause(JsonWriter json, RootCause root) {
        json.name("rootCause");
        if (root == null) {
            json.value((String) null);
            return;
        }
        json.beginObject();
        json.name("role").value(root.role());
        json.name("where").value(root.where());
        json.name("summary").value(root.summary());
        json.name("thrown").value(root.thrown());
        json.endObject();
    }

    /**
     * Every barrier the run reached, in order. A barrier still open when the run ended did not pass:
     * it {@code failed} when the root cause is that barrier, otherwise the run was aborted while
     * nodes waited there.
     */
    private static void barriers(JsonWriter json, RunRecord run) {
        json.name("barriers").beginArray();
        List<PhaseRecord> phases = run.result().phases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseRecord phase = phases.get(i);
            if (phase.barrier() == null) {
                continue;
            }
            Barriers.State state = Barriers.state(run, i);
            json.beginObject();
            json.name("name").value(phase.barrier());
            json.name("outcome").value(state.word());
            json.name("opened").value(phase.opened().toString());
            json.name("passed").value(state == Barriers.State.PASSED ? phase.passed().toString() : null);
            json.name("durationMs").value(millis(phase.opened(), phase.passed()));
            json.name("framesInPhase").value(LinkCounts.total(phase.traffic()));
            json.name("framesDroppedInPhase").value(LinkCounts.total(phase.dropped()));
            json.name("relayedBytesInPhase").value(LinkCounts.total(phase.relayedBytes()));
            json.name("relayedConnectionsInPhase").value(LinkCounts.total(phase.relayedConnections()));
            json.endObject();
        }
        json.endArray();
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** A simulated run names what replays it: its seed (above), its steps and the trace's hash. */
    private static void simulation(JsonWriter json, ScheduleTrace trace) {
        json.name("simulation");
        if (trace == null) {
            json.value((String) null);
            return;
        }
        json.beginObject();
        json.name("steps").value(trace.steps());
        json.name("virtualTimeMs").value(trace.virtualNanos() / 1_000_000);
        json.name("traceHash").value(Long.toHexString(trace.hash()));
        json.endObject();
    }
}
