package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.NodeEnding;
import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.PhaseRecord;
import dev.multinode.runtime.conductor.RunEvents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A passing run written by hand, as the conductor would record it: node-b restarted twice, node-c
 * paused and resumed, then paused to the run's end, node-a's clock skewed. Without frames or relays,
 * unless {@link #relayed} asks for them.
 */
final class LifecycleRun {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final List<String> ROLES = List.of("node-a", "node-b", "node-c");

    private final List<RunEvents.Event> events = new ArrayList<>();

    private LifecycleRun() {
    }

    /** @return the run's events, in order */
    static List<RunEvents.Event> events() {
        LifecycleRun run = new LifecycleRun();
        run.at(0, EventKind.LIFECYCLE, null, "conductor started");
        for (String role : ROLES) {
            run.at(10, EventKind.LIFECYCLE, role, "node up");
        }
        run.at(20, EventKind.START, null, "all nodes up: bodies start");
        run.at(100, EventKind.FAULT, "node-a", "fault requested: restart[node-b]");
        run.at(110, EventKind.DOWN, "node-b", "killed for a restart");
        run.at(300, EventKind.RESTARTED, "node-b", "incarnation 1 up");
        run.at(310, EventKind.FAULT, null, "in force: restart[node-b]");
        run.at(400, EventKind.PAUSED, "node-c", "paused");
        run.at(600, EventKind.RESUMED, "node-c", "resumed");
        run.at(650, EventKind.CLOCK, "node-a", "clock skewed by 500 ms");
        run.at(700, EventKind.DOWN, "node-b", "killed for a restart");
        run.at(900, EventKind.RESTARTED, "node-b", "incarnation 2 up");
        run.at(950, EventKind.PAUSED, "node-c", "paused");
        run.at(1000, EventKind.BARRIER, null, "barrier 'done' passed");
        run.at(1000, EventKind.PASSED, "node-a", "body passed");
        run.at(1000, EventKind.PASSED, "node-b", "body passed");
        run.at(1010, EventKind.END, null, "run passed");
        return run.events;
    }

    /**
     * @param folder the run's folder
     * @return the run, with its events
     */
    static RunRecord record(Path folder) {
        return record(folder, events());
    }

    /**
     * @param folder the run's folder
     * @param events what the conductor saw
     * @return a passing run of {@link #ROLES} with those events, one barrier 'done' at +1 s
     */
    static RunRecord record(Path folder, List<RunEvents.Event> events) {
        long[][] none = counts();
        return record(folder, events, List.of(new PhaseRecord("done", at(950), at(1000), none, none, none, none),
                new PhaseRecord(null, at(1010), at(1010), none, none, none, none)));
    }

    /**
     * The run with the system's own sockets through relays: up to 'done' node-a sent node-b 5 frames
     * and, on 2 connections it opened to node-b, 12,600 bytes that node-b answered with 1,500 (no
     * frames back); after 'done' node-a relayed 100 bytes more.
     *
     * @param folder the run's folder
     * @return the run
     */
    static RunRecord relayed(Path folder) {
        int a = 1;
        int b = 2;
        long[][] frames = counts();
        frames[a][b] = 5;
        long[][] bytes = counts();
        bytes[a][b] = 12_600;
        bytes[b][a] = 1_500;
        long[][] connections = counts();
        connections[a][b] = 2;
        long[][] lastBytes = counts();
        lastBytes[a][b] = 100;
        return record(folder, events(), List.of(
                new PhaseRecord("done", at(950), at(1000), frames, counts(), bytes, connections),
                new PhaseRecord(null, at(1010), at(1010), counts(), counts(), lastBytes, counts())));
    }

    private static RunRecord record(Path folder, List<RunEvents.Event> events, List<PhaseRecord> phases) {
        List<NodeReport> nodes = ROLES.stream()
                .map(role -> new NodeReport(role, NodeEnding.PASSED, null, "after barrier 'done'", null, 980)).toList();
        return new RunRecord("dev.example.LifecycleSpec", "restarts", "run-1", folder, ROLES, "inproc", "thread", 42,
                T0, at(1010), new ConductorResult(null, nodes, phases, List.of()), events, Map.of(), null);
    }

    /** @return a matrix of zero counts for the run's participants, [from][to] */
    private static long[][] counts() {
        return new long[ROLES.size() + 1][ROLES.size() + 1];
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private void at(long millis, EventKind kind, String role, String text) {
        events.add(new RunEvents.Event(at(millis), kind, role, text));
    }
}
