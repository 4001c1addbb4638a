package dev.multinode;

import java.time.Duration;
import java.util.List;

/**
 * A mailbox on one node that every node can send messages to with {@link Node#tell}.
 *
 * <p>Messages travel through the run's codec: strings, boxed primitives, byte arrays, {@link ProbeRef},
 * lists of these, and enums and records of these whose classes the spec
 * {@linkplain SpecBuilder#allow allowed}. Every wait is bounded by its timeout and ends early with
 * a {@link RunAbortedException} when the run is aborted.
 */
public interface MultiNodeProbe {

    /** @return the address other nodes use to reach this probe */
    ProbeRef ref();

    /**
     * Waits for the next message and checks its type.
     *
     * @param type    the expected type
     * @param timeout how long to wait
     * @param <T>     the expected type
     * @return the message
     * @throws AssertionError if no message arrives in time or it has another type
     */
    <T> T expectMessage(Class<T> type, Duration timeout);

    /**
     * Waits for the next message and checks it equals {@code expected}.
     *
     * @param expected the expected message
     * @param timeout  how long to wait
     * @throws AssertionError if no message arrives in time or it differs
     */
    void expectMessage(Object expected, Duration timeout);

    /**
     * Checks that no message arrives during {@code duration}.
     *
     * @param duration how long to watch
     * @throws AssertionError naming the message if one arrives
     */
    void expectNoMessage(Duration duration);

    /**
     * Receives the next {@code n} messages.
     *
     * @param n       how many
     * @param timeout how long to wait for all of them
     * @return the messages in arrival order
     * @throws AssertionError listing those received if fewer arrive in time
     */
    List<Object> receiveN(int n, Duration timeout);
}
