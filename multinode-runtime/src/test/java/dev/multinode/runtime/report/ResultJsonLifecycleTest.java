package dev.multinode.runtime.report;

import static dev.multinode.runtime.report.LifecycleRun.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json tells each node's incarnations, restarts, pauses and clock changes. */
class ResultJsonLifecycleTest {

    /**
     * A node's members between its role and its lifecycle, the same for each node of the run: the
     * relay counts are there although nothing was relayed.
     */
    private static final String OTHER_MEMBERS = ",\"outcome\": \"passed\",\"where\": \"after barrier 'done'\","
            + "\"error\": null,\"durationMs\": 980,\"log\": null,"
            + "\"relayedBytesSent\": 0,\"relayedBytesReceived\": 0,\"relayedConnectionsOpened\": 0,";

    @TempDir
    Path folder;

    @Test
    void eachNodeHasItsLifecycle() {
        String json = ResultJson.of(LifecycleRun.record(folder)).replaceAll("\n *", "");

        assertThat(json).contains("\"role\": \"node-a\"" + OTHER_MEMBERS + "\"incarnations\": 1,\"restarts\": [],"
                + "\"pauses\": [],\"clockChanges\": [{\"at\": \"" + at(650) + "\",\"text\": \"clock skewed by 500 ms\"}]}");
        assertThat(json).contains("\"role\": \"node-b\"" + OTHER_MEMBERS + "\"incarnations\": 3,\"restarts\": ["
                + "{\"at\": \"" + at(300) + "\",\"incarnation\": 1},{\"at\": \"" + at(900) + "\",\"incarnation\": 2}],"
                + "\"pauses\": [],\"clockChanges\": []}");
        assertThat(json).contains("\"role\": \"node-c\"" + OTHER_MEMBERS + "\"incarnations\": 1,\"restarts\": [],"
                + "\"pauses\": [{\"from\": \"" + at(400) + "\",\"to\": \"" + at(600) + "\"},{\"from\": \"" + at(950)
                + "\",\"to\": null}],\"clockChanges\": []}");
    }
}
