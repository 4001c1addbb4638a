package dev.multinode.runtime.relay;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.NanoClock;

/** A nano clock the test moves by hand; the relay thread reads it, hence atomic. */
final class FakeNanoClock implements NanoClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
