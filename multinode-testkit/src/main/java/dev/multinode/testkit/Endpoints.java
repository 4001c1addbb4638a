package dev.multinode.testkit;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The transport under test opened directly, as a thread-mode run opens it: one instance with the
 * endpoint of the conductor (participant 0) and of every node, all in this JVM.
 */
final class Endpoints implements AutoCloseable {

    /** How long a poll loop waits for frames that were sent. */
    private static final long WAIT_NANOS = Waits.MESSAGE.toNanos();

    private final Transport transport;
    private final List<Endpoint> endpoints;

    private Endpoints(Transport transport, List<Endpoint> endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    /**
     * Opens the transport for the conductor and {@code nodes} nodes, then every endpoint, the
     * conductor's first (as a run does: a network transport's nodes may look the conductor up).
     *
     * @param mode         a thread mode of the transport
     * @param nodes        how many nodes besides the conductor
     * @param maxFrameSize the frame limit
     * @param runDirectory the run's folder, for a transport that keeps files
     */
    static Endpoints open(Mode mode, int nodes, int maxFrameSize, Path runDirectory) throws IOException {
        if (mode.launch() != LaunchMode.THREAD) {
            throw new IllegalArgumentException("The endpoints of one transport instance are those of a thread-mode run, not "
                    + mode);
        }
        List<String> participants = new ArrayList<>();
        participants.add("conductor");
        for (int node = 1; node <= nodes; node++) {
            participants.add("node-" + node);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        TransportContext context = new TransportContext("conformance-" + System.nanoTime(), runDirectory, participants,
                maxFrameSize, mode.launch(), HexFormat.of().formatHex(secret), Map.of());
        Transport transport = mode.provider().open(context);
        List<Endpoint> endpoints = new ArrayList<>();
        try {
            for (int participant = 0; participant < participants.size(); participant++) {
                endpoints.add(transport.endpoint(participant));
            }
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
        return new Endpoints(transport, endpoints);
    }

    /** @return the endpoint of a participant: 0 the conductor, 1..N the nodes */
    Endpoint get(int participant) {
        return endpoints.get(participant);
    }

    /**
     * Polls until {@code count} frames have reached the receiver, parking briefly while none come.
     *
     * @throws AssertionError if they have not all arrived within {@link Waits#MESSAGE}
     */
    static void pollUntil(Endpoint endpoint, FrameReceiver receiver, int count) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        int received = 0;
        while (received < count) {
            int polled = endpoint.poll(receiver, count - received);
            received += polled;
            if (polled == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("only " + received + " of " + count + " frames arrived at participant "
                            + endpoint.participant() + " within " + Waits.MESSAGE.toMillis() + " ms");
                }
                LockSupport.parkNanos(10_000);
            }
        }
    }

    /** Closes the transport, and with it every endpoint. */
    @Override
    public void close() {
        transport.close();
    }
}
