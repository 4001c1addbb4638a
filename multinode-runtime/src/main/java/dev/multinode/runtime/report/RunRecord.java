package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.RunEvents;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.spi.ScheduleTrace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the report of one run is made of.
 *
 * @param testClass    the test class that started the run
 * @param name         the test method, or the spec's own name
 * @param runId        the run's id
 * @param runDirectory the run's folder, where the report goes and the node logs are
 * @param roles        the roles, in order
 * @param transport    the transport's name
 * @param launchMode   the launch mode, in lower case
 * @param seed         the run's seed
 * @param started      when the run started
 * @param ended        when its nodes had stopped
 * @param result       what the conductor saw
 * @param events       the conductor's timeline
 * @param localOutcomes how nodes ended as the launcher saw it first-hand, by role (thread mode has
 *                     what they threw with its own class and stack; process mode has none)
 * @param simulation   a simulated run's trace (its steps and virtual time), or null for a real run
 */
public record RunRecord(String testClass, String name, String runId, Path runDirectory, List<String> roles,
                        String transport, String launchMode, long seed, Instant started, Instant ended,
                        ConductorResult result, List<RunEvents.Event> events, Map<String, NodeOutcome> localOutcomes,
                        ScheduleTrace simulation) {

    /** Copies the collections. */
    public RunRecord {
        roles = List.copyOf(roles);
        events = List.copyOf(events);
        localOutcomes = Map.copyOf(localOutcomes);
    }

    /** @return whether the run passed */
    public boolean passed() {
        return result.passed();
    }

    /**
     * @param role a role
     * @return the file that role's node logs to
     */
    public Path logOf(String role) {
        return runDirectory.resolve(role + ".log");
    }

    /**
     * @param node a node's report
     * @return the first line of what the node threw, or null if it threw nothing
     */
    public String errorSummary(NodeReport node) {
        NodeOutcome local = localOutcomes.get(node.role());
        Throwable error = local != null && local.error() != null ? local.error() : node.error();
        return error == null ? null : firstLine(error.toString());
    }

    /** @return the time of the run's first phase start: when the bodies started, or the run's start */
    public Instant bodiesStarted() {
        return events.stream().filter(e -> e.kind() == EventKind.START).findFirst()
                .map(RunEvents.Event::at).orElse(started);
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
