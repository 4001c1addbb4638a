package dev.multinode.testkit;

import java.time.Duration;

/**
 * How long the suites wait. Every wait ends as soon as what it waits for happens, so the bounds
 * are generous: they only decide how long a broken transport takes to fail.
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
}
