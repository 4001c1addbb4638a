package dev.multinode.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merged.log has the conductor's restart, pause and clock events in its words. */
class MergedLogLifecycleTest {

    @TempDir
    Path folder;

    @Test
    void theLifecycleEventsAreInTheMergedLog() throws IOException {
        MergedLog.write(LifecycleRun.record(folder));

        List<String> lines = Files.readAllLines(folder.resolve(MergedLog.FILE));
        assertThat(lines).containsSubsequence(
                "2026-12-03T10:00:00.100000Z [conductor] node-a: fault requested: restart[node-b]",
                "2026-12-03T10:00:00.110000Z [conductor] node-b: killed for a restart",
                "2026-12-03T10:00:00.300000Z [conductor] node-b: incarnation 1 up",
                "2026-12-03T10:00:00.400000Z [conductor] node-c: paused",
                "2026-12-03T10:00:00.600000Z [conductor] node-c: resumed",
                "2026-12-03T10:00:00.650000Z [conductor] node-a: clock skewed by 500 ms",
                "2026-12-03T10:00:00.900000Z [conductor] node-b: incarnation 2 up");
    }
}
