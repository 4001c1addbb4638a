package dev.multinode.runtime.relay;

import java.util.function.Consumer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * How a {@link RelayHub} runs, beyond what every hub needs.
 *
 * @param clock       the clock delays and bandwidth limits are measured on (tests drive a fake one)
 * @param spinSelects how many non-blocking selects the relay thread makes after its last work before it
 *                    blocks in {@code select}: a reply that comes soon is relayed without a wake-up. 0
 *                    never spins; an idle hub always blocks
 * @param chunkSize   bytes of each direct buffer a connection direction reads into
 * @param notices     where the hub says what it refused (a connection of unknown origin) or why it failed
 */
public record RelayOptions(NanoClock clock, int spinSelects, int chunkSize, Consumer<String> notices) {

    /** A few tens of microseconds of spinning: about the time a loopback peer needs to answer. */
    static final int DEFAULT_SPIN_SELECTS = 200;
    /** Large enough that a bulk transfer costs few system calls per byte. */
    static final int DEFAULT_CHUNK_SIZE = 256 * 1024;

    /** Checks the values. */
    public RelayOptions {
        if (clock == null || notices == null) {
            throw new IllegalArgumentException("RelayOptions: clock and notices must not be null");
        }
        if (spinSelects < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("RelayOptions: spinSelects must be 0 or more and chunkSize 1 or more, were "
                    + spinSelects + " and " + chunkSize);
        }
    }

    /** @return the system's monotonic clock, the default spin and chunk size, notices logged as warnings */
    public static RelayOptions defaults() {
        System.Logger log = System.getLogger(RelayHub.class.getName());
        return new RelayOptions(new SystemNanoClock(), DEFAULT_SPIN_SELECTS, DEFAULT_CHUNK_SIZE,
                notice -> log.log(System.Logger.Level.WARNING, notice));
    }

    /** @return these options on another clock */
    public RelayOptions withClock(NanoClock newClock) {
        return new RelayOptions(newClock, spinSelects, chunkSize, notices);
    }

    /** @return these options with notices going elsewhere */
    public RelayOptions withNotices(Consumer<String> newNotices) {
        return new RelayOptions(clock, spinSelects, chunkSize, newNotices);
    }
}
