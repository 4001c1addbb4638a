package dev.multinode.transport.chronicle;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A second JVM for {@link SecondJvmTest}: it opens its own share of the transport as participant
 * {@link Runs#NODE_A}, sends {@code count} numbered frames to the conductor, then echoes every frame
 * it receives back to its sender with the type plus one, until a frame of type {@link #STOP} arrives
 * or its time runs out (exit code 2).
 */
public final class EchoChild {

    static final int NUMBERED = 10;
    static final int STOP = 99;
    private static final long MAX_LIFE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private EchoChild() {
    }

    /** @param args the run directory, the frame limit, how many numbered frames to send */
    public static void main(String[] args) throws Exception {
        Path runDirectory = Path.of(args[0]);
        int maxFrameSize = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + MAX_LIFE_NANOS;
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, maxFrameSize));
             Endpoint endpoint = transport.endpoint(Runs.NODE_A)) {
            ByteBuffer out = ByteBuffer.allocateDirect(Long.BYTES);
            for (long i = 0; i < count; i++) {
                endpoint.send(Runs.CONDUCTOR, NUMBERED, out.clear().putLong(0, i));
            }
            boolean[] stop = {false};
            while (!stop[0]) {
                if (System.nanoTime() - deadline > 0) {
                    System.out.println("no STOP frame within " + MAX_LIFE_NANOS / 1_000_000 + " ms");
                    System.exit(2);
                }
                int polled = endpoint.poll((from, type, payload) -> {
                    if (type == STOP) {
                        stop[0] = true;
                    } else {
                        endpoint.send(from, type + 1, payload);
                    }
                }, 64);
                if (polled == 0) {
                    LockSupport.parkNanos(50_000);
                }
            }
        }
        System.out.println("echo child done");
    }
}
