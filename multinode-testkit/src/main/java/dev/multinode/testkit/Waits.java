package dev.multinode.testkit;

import dev.multinode.spi.Scheduler;
import java.time.Duration;

/**
 * How long the suites wait, and how a body waits to be stopped. Every wait ends as soon as what it
 * waits for happens, so the bounds are generous: they only decide how long a broken transport takes
 * to fail.
 */
final class Waits {

    /** For one message or a few on their way. */
    static final Duration MESSAGE = Duration.ofSeconds(10);
    /** For many messages, or for processes to start or end. */
    static final Duration MANY = Duration.ofSeconds(20);
    /** For a message that must not arrive: what a quiet link is allowed to be silent for. */
    static final Duration QUIET = Duration.ofMillis(300);

    private Waits() {
    }

    /**
     * Blocks the calling body until its thread is interrupted, as a kill or an abort does, and then
     * throws, as {@code CountDownLatch.await} would. It parks through the thread's scheduler so that
     * a simulation runs the other nodes meanwhile; under the system's it is {@code LockSupport.park},
     * which nothing but the interrupt ends for good, so a real run still checks that a kill or an
     * abort reaches a blocked body.
     *
     * @throws InterruptedException once the thread is interrupted
     */
    static void untilInterrupted() throws InterruptedException {
        Scheduler scheduler = Scheduler.current();
        while (!Thread.interrupted()) {
            scheduler.parkUntil(Long.MAX_VALUE); // may return early for no reason: the loop checks again
        }
        throw new InterruptedException();
    }
}
