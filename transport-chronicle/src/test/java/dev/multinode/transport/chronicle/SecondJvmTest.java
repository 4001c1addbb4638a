package dev.multinode.transport.chronicle;

import static dev.multinode.transport.chronicle.Runs.CONDUCTOR;
import static dev.multinode.transport.chronicle.Runs.NODE_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import dev.multinode.testkit.ChildJvm;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real second JVM, on the module path with the provider's flags, sends and echoes frames. */
class SecondJvmTest {

    private static final int NUMBERED = 1_000;
    private static final int ECHOED = 1_000;

    @TempDir
    Path runDirectory;

    @TempDir
    Path logs;

    @Test
    void aChildJvmSendsAndEchoesFrames() throws Exception {
        var context = Runs.context(runDirectory, 256);
        try (Transport transport = new ChronicleTransportProvider().open(context);
             ChildJvm child = ChildJvm.builder(EchoChild.class).modulePath()
                     .flags(new ChronicleTransportProvider().jvmFlags())
                     .arguments(runDirectory.toString(), "256", Integer.toString(NUMBERED))
                     .start(logs.resolve("child.log"))) {
            Endpoint conductor = transport.endpoint(CONDUCTOR);
            long[] expected = {0};
            int numbered = Runs.pollUntil(conductor, (from, type, payload) -> {
                assertEquals(NODE_A, from);
                assertEquals(EchoChild.NUMBERED, type);
                assertEquals(expected[0]++, payload.getLong(payload.position()));
            }, NUMBERED, Duration.ofSeconds(30));
            assertEquals(NUMBERED, numbered, "numbered frames from the child; its output:\n" + child.output());

            ByteBuffer out = ByteBuffer.allocate(Integer.BYTES);
            for (int i = 0; i < ECHOED; i++) {
                conductor.send(NODE_A, 20, out.clear().putInt(0, i));
            }
            int[] next = {0};
            int echoed = Runs.pollUntil(conductor, (from, type, payload) -> {
                assertEquals(NODE_A, from);
                assertEquals(21, type, "type plus one");
                assertEquals(next[0]++, payload.getInt(payload.position()));
            }, ECHOED, Duration.ofSeconds(30));
            assertEquals(ECHOED, echoed, "echoes from the child; its output:\n" + child.output());

            conductor.send(NODE_A, EchoChild.STOP, ByteBuffer.allocate(0));
            assertEquals(0, child.await(Duration.ofSeconds(30)), "child exit code; its output:\n" + child.output());
            assertFalse(child.output().contains("WARNING"), "JVM warnings in the child's output:\n" + child.output());
        }
    }
}
