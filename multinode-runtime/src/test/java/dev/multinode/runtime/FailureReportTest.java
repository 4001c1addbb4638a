package dev.multinode.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.MultiNodeFailure;
import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.NodeEnding;
import dev.multinode.runtime.conductor.NodeReport;
import dev.multinode.runtime.conductor.RootCause;
import dev.multinode.runtime.settings.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the failure message words the other nodes' outcomes. */
class FailureReportTest {

    @TempDir
    Path runDirectory;

    @Test
    void aCancelledNodeReadsAsCancelledAtItsStepThenWhatElseHappened() {
        MultiNodeFailure failure = failureWith(
                new NodeReport("node-b", NodeEnding.CANCELLED, "did not stop within 10000 ms after the abort",
                        "after barrier 'ready'", null, 0),
                new NodeReport("node-c", NodeEnding.CANCELLED, null, "at barrier 'done'", null, 0));

        assertThat(failure.getMessage())
                .contains("\n  node-b: cancelled after barrier 'ready' (because of the root cause); it did not stop "
                        + "within 10000 ms after the abort\n")
                .contains("\n  node-c: cancelled at barrier 'done' (because of the root cause)\n");
    }

    /** A run whose root cause is node-a's exception, with these other nodes. */
    private MultiNodeFailure failureWith(NodeReport... others) {
        RunSettings settings = new RunSettings("spec", List.of("node-a", "node-b", "node-c"), "inproc", null,
                Duration.ofSeconds(30), Duration.ofMinutes(2), 42, 65536, runDirectory, false, List.of(), List.of(), Map.of(), Map.of(),
                false, null);
        NodeReport root = new NodeReport("node-a", NodeEnding.FAILED, null, "after barrier 'ready'", new IllegalStateException("boom"), 0);
        List<NodeReport> nodes = new ArrayList<>(List.of(root));
        nodes.addAll(List.of(others));
        ConductorResult result = new ConductorResult(new RootCause("node-a", "after barrier 'ready'",
                "node-a failed: boom", root.error(), true), nodes, List.of(), List.of());
        return FailureReport.of(settings, "inproc/thread", result, List.of(), Map.of(), List.of(), runDirectory);
    }
}
