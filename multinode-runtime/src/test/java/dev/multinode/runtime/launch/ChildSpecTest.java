package dev.multinode.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.LaunchMode;
import dev.multinode.runtime.node.NodeConfig;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the parent writes for its node JVMs is what they read back. */
class ChildSpecTest {

    @Test
    void theSpecSurvivesWritingAndReading() throws IOException {
        List<String> participants = List.of("conductor", "node-a", "node-b");
        TransportContext context = new TransportContext("run-1", Path.of("/tmp/run-1"), participants, 65536,
                LaunchMode.PROCESS, "secret", Map.of("port", "4711"), 42);
        NodeConfig template = new NodeConfig("node-a", participants.subList(1, 3), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(10), 42, 65536, 65536, List.of(), 0,
                Path.of("/tmp/run-1/data/node-a"), "node-b");
        // the provider class travels so that a child picks the provider its parent picked among several of one name
        ChildSpec spec = new ChildSpec("tcp", "com.example.OtherTcpProvider", context, template, List.of("com.example.Ping"));

        StringWriter written = new StringWriter();
        spec.write(written);

        assertEquals(spec, ChildSpec.read(new StringReader(written.toString())));
    }
}
