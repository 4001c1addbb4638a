package dev.multinode.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.MultiNodeFailure;
import dev.multinode.Node;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.Events;

class FailureReportingTest {

    static class NodeBFails {
        @MultiNodeTest(roles = {"node-a", "node-b"})
        void nodeBGivesUp(Node node) throws Exception {
            node.runOn("node-b", () -> {
                throw new IllegalStateException("node-b gives up");
            });
            node.enterBarrier("never-complete");
        }
    }

    @Test
    void theRunsFailureFailsTheInvocationAndItsFolderTimelineAndOutcomesArePublished() {
        Events tests = SampleRuns.run(NodeBFails.class).testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = tests.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(MultiNodeFailure.class).hasMessageContaining("node-b gives up");
        assertThat(failure.getSuppressed()).isEmpty();

        Map<String, String> entries = tests.reportingEntryPublished().stream()
                .flatMap(event -> event.getPayload(ReportEntry.class).stream())
                .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(entries.get("multinode.node.node-b")).contains("failed").contains("node-b gives up");
        assertThat(entries.get("multinode.node.node-a")).contains("cancelled");
        assertThat(entries.get("multinode.runFolder").replace('\\', '/'))
                .contains("/" + NodeBFails.class.getName() + "/nodeBGivesUp-inproc-thread/");
        assertThat(entries).containsKey("multinode.seed");

        assertThat(tests.fileEntryPublished().stream().flatMap(event -> event.getPayload(FileEntry.class).stream()))
                .singleElement().satisfies(file -> {
                    assertThat(file.getPath().getFileName()).hasToString("timeline.html");
                    assertThat(file.getPath()).isNotEmptyFile();
                });
    }
}
