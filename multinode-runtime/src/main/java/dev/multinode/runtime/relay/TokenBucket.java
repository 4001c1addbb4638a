package dev.multinode.runtime.relay;

/**
 * A token bucket of bytes: {@code rate} bytes a second, at most a burst of a hundredth of that
 * (10 ms worth, so a paced flow stays smooth) but never less than a small segment. Only the relay
 * thread uses it, so nothing is synchronized.
 */
final class TokenBucket {

    private static final long MIN_BURST = 1_500;
    private static final double NANOS_PER_SECOND = 1e9;

    private long rate;
    private long burst;
    private double tokens;
    private long refilledAt;

    /** @param bytesPerSecond the new rate, 0 for unlimited @param now the clock's reading */
    void rate(long bytesPerSecond, long now) {
        rate = bytesPerSecond;
        burst = Math.max(bytesPerSecond / 100, MIN_BURST);
        tokens = burst;
        refilledAt = now;
    }

    boolean unlimited() {
        return rate == 0;
    }

    /** @return the bytes that may be sent now; only meaningful when limited */
    long available(long now) {
        // capped at a second, so that a long quiet spell cannot overflow the product
        long elapsed = Math.min(now - refilledAt, 1_000_000_000L);
        tokens = Math.min(burst, tokens + elapsed * (rate / NANOS_PER_SECOND));
        refilledAt = now;
        return (long) tokens;
    }

    void spend(long bytes) {
        tokens -= bytes;
    }

    /**
     * The least worth waiting for: a quarter of the burst, or what is pending if less, so a paced flow
     * is written in a few sizable pieces rather than a write per token.
     */
    long worthWaitingFor(long pending) {
        return Math.min(pending, Math.max(1, burst / 4));
    }

    /** @return when {@code bytes} tokens will be there, on the clock of {@code now} */
    long readyAt(long bytes, long now) {
        double missing = bytes - tokens;
        return missing <= 0 ? now : now + (long) Math.ceil(missing * NANOS_PER_SECOND / rate);
    }
}
