package dev.multinode.transport.chronicle;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * A second JVM for {@link QuietnessTest}: it opens a transport, sends one frame through it, closes
 * it, and prints the names of the threads alive after the close that were not alive before it
 * opened, one line {@code NEW-THREADS:<names>}.
 */
public final class ProbeChild {

    private ProbeChild() {
    }

    /** @param args the run directory */
    public static void main(String[] args) throws Exception {
        Set<String> before = Runs.threadNames();
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(Path.of(args[0]), 1024))) {
            Endpoint endpoint = transport.endpoint(Runs.NODE_A);
            endpoint.send(Runs.NODE_A, 1, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            int received = Runs.pollUntil(endpoint, (from, type, payload) -> { }, 1, Duration.ofSeconds(10));
            if (received != 1) {
                System.out.println("frame to itself did not arrive");
                System.exit(2);
            }
        }
        Set<String> after = new TreeSet<>(Runs.threadNames());
        after.removeAll(before);
        System.out.println("NEW-THREADS:" + String.join(",", after));
    }
}
