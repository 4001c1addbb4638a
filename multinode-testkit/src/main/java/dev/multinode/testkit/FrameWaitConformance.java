package dev.multinode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Endpoint#awaitFrames}: an endpoint that waits for frames wakes when one arrives or is
 * waiting already, and when it closes; one that cannot wait says so at once. Each wait is given far
 * longer than the suites' message bound, so a wait that only ends by its timeout fails.
 */
public interface FrameWaitConformance extends ConformanceSuite {

    /** Longer than any wait of these cases may take. */
    long LONG_WAIT_NANOS = 6 * Waits.MESSAGE.toNanos();

    /**
     * A frame sent before the wait ends it at once, and is then polled.
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws Exception if the transport cannot be opened
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void aWaitingFrameEndsTheWaitAtOnce(Mode mode, @TempDir Path folder) throws Exception {
        try (Endpoints endpoints = Endpoints.open(mode, 1, 1024, folder)) {
            endpoints.get(0).send(1, 3, ByteBuffer.wrap(new byte[] {7}));
            Endpoint receiver = endpoints.get(1);
            assertWaitEnds(receiver, mode);
            assertEquals(1, receiveOne(receiver, mode), "the frame sent");
        }
    }

    /**
     * A frame sent by another thread while the receiver waits wakes it.
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws Exception if the transport cannot be opened or the sender fails
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void aFrameSentDuringTheWaitEndsIt(Mode mode, @TempDir Path folder) throws Exception {
        try (Endpoints endpoints = Endpoints.open(mode, 1, 1024, folder)) {
            Endpoint receiver = endpoints.get(1);
            CompletableFuture<Void> sender = CompletableFuture.runAsync(
                    () -> endpoints.get(0).send(1, 3, ByteBuffer.wrap(new byte[] {7})));
            assertEquals(1, receiveOne(receiver, mode), "the frame sent");
            sender.get(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Closing the endpoint from another thread ends its wait.
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws Exception if the transport cannot be opened or the close fails
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void closingTheEndpointEndsTheWait(Mode mode, @TempDir Path folder) throws Exception {
        try (Endpoints endpoints = Endpoints.open(mode, 1, 1024, folder)) {
            Endpoint receiver = endpoints.get(1);
            CompletableFuture<Void> closer = CompletableFuture.runAsync(receiver::close);
            assertWaitEnds(receiver, mode);
            closer.get(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * A wake-up from another thread, with an unpark of the waiting thread as the runtime sends them,
     * ends the wait, or the next one if it comes first, whatever the endpoint waits in (an unpark
     * alone does not end a wait in a selector).
     *
     * @param mode   the transport's thread mode
     * @param folder the run's folder, for a transport that keeps files
     * @throws Exception if the transport cannot be opened or the waker fails
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("threadModes")
    default void aWakeUpEndsTheWait(Mode mode, @TempDir Path folder) throws Exception {
        try (Endpoints endpoints = Endpoints.open(mode, 1, 1024, folder)) {
            Endpoint receiver = endpoints.get(1);
            Thread waiting = Thread.currentThread();
            CompletableFuture<Void> waker = CompletableFuture.runAsync(() -> {
                receiver.wakeUp();
                LockSupport.unpark(waiting); // as the runtime does
            });
            assertWaitEnds(receiver, mode);
            waker.get(Waits.MESSAGE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Polls for one frame, waiting for frames between empty polls, for up to {@link Waits#MESSAGE}:
     * a network transport's frame may still be on its way, and each wait must end when it comes.
     *
     * @return how many frames were polled: 1, or 0 if none came
     */
    private static int receiveOne(Endpoint endpoint, Mode mode) {
        long deadline = System.nanoTime() + Waits.MESSAGE.toNanos();
        int polled;
        while ((polled = endpoint.poll((from, type, payload) -> { }, 1)) == 0 && System.nanoTime() - deadline < 0) {
            assertWaitEnds(endpoint, mode);
        }
        return polled;
    }

    /** One wait of {@link #LONG_WAIT_NANOS} must end within {@link Waits#MESSAGE}, whatever it returns. */
    private static void assertWaitEnds(Endpoint endpoint, Mode mode) {
        long start = System.nanoTime();
        endpoint.awaitFrames(LONG_WAIT_NANOS);
        long waited = System.nanoTime() - start;
        assertTrue(waited < Waits.MESSAGE.toNanos(), mode + ": awaitFrames returned only after "
                + TimeUnit.NANOSECONDS.toMillis(waited) + " ms, not when it had a reason to");
    }
}
