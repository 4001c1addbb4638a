package dev.multinode.runtime.relay;

/**
 * The faults in force on one flow (a peer and a direction): held, delayed, paced. They change only
 * on the relay thread (a {@link RelayHub} setter runs there and returns once it has), and every
 * pipe of the flow reads them before each read and each write, so a change needs no lock and is in
 * force for the next byte.
 */
final class FlowFaults {

    private boolean held;
    private long delayNanos;
    private final TokenBucket bucket = new TokenBucket();

    boolean held() {
        return held;
    }

    void hold(boolean hold) {
        held = hold;
    }

    long delayNanos() {
        return delayNanos;
    }

    void delay(long nanos) {
        delayNanos = nanos;
    }

    TokenBucket bucket() {
        return bucket;
    }

    void heal(long now) {
        held = false;
        delayNanos = 0;
        bucket.rate(0, now);
    }
}
