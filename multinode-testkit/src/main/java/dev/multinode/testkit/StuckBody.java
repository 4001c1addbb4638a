package dev.multinode.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The body of {@link IgnoredAbortConformance}: it clears every interrupt and carries on. */
final class StuckBody {

    /** The run timeout of the spec whose body ignores the abort. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(3);
    /** The body's own guard: it never outlives the test by long, whatever happens. */
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(20);

    /** In thread mode the stuck body shares the test's JVM, which lets it go once it has seen the failure. */
    private static volatile boolean released;

    private StuckBody() {
    }

    static void arm() {
        released = false;
    }

    static void release() {
        released = true;
    }

    /** Parks between checks so as not to take a core from the other nodes. */
    static void ignoreInterrupts() {
        long end = System.nanoTime() + GUARD_NANOS;
        while (!released && System.nanoTime() - end < 0) {
            Thread.interrupted();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
