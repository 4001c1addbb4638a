package dev.multinode.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json adds up the system's own traffic through relays per phase and per node. */
class ResultJsonRelayTest {

    @TempDir
    Path folder;

    @Test
    void aPhaseCountsTheBytesAndConnectionsRelayedDuringIt() {
        String json = json(LifecycleRun.relayed(folder));

        assertThat(json).contains("\"framesInPhase\": 5,\"framesDroppedInPhase\": 0,"
                + "\"relayedBytesInPhase\": 14100,\"relayedConnectionsInPhase\": 2}");
    }

    @Test
    void eachNodeCountsWhatItRelayedOverTheWholeRun() {
        String json = json(LifecycleRun.relayed(folder));

        assertThat(json).contains("\"role\": \"node-a\"", "\"relayedBytesSent\": 12700,\"relayedBytesReceived\": 1500,"
                + "\"relayedConnectionsOpened\": 2,\"incarnations\": 1,\"restarts\": [],\"pauses\": [],\"clockChanges\": [{");
        assertThat(json).contains("\"relayedBytesSent\": 1500,\"relayedBytesReceived\": 12700,"
                + "\"relayedConnectionsOpened\": 0,\"incarnations\": 3");
        assertThat(json).contains("\"relayedBytesSent\": 0,\"relayedBytesReceived\": 0,"
                + "\"relayedConnectionsOpened\": 0,\"incarnations\": 1,\"restarts\": [],\"pauses\": [{");
    }

    @Test
    void aRunWithoutRelaysCountsZero() {
        assertThat(json(LifecycleRun.record(folder)))
                .contains("\"relayedBytesInPhase\": 0,\"relayedConnectionsInPhase\": 0}");
    }

    private static String json(RunRecord run) {
        return ResultJson.of(run).replaceAll("\n *", "");
    }
}
