package dev.multinode.runtime.node;

import dev.multinode.runtime.protocol.DirectoryKeys;
import dev.multinode.runtime.protocol.ExchangeResultMessage;
import dev.multinode.runtime.protocol.LookupAnswerMessage;
import dev.multinode.spi.Scheduler;
import java.nio.BufferOverflowException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's side of the shared directory: checks the arguments, sends PUBLISH, LOOKUP and EXCHANGE,
 * and waits for the conductor's answer. The conductor bounds a lookup and an exchange by their
 * timeout on its own clock and answers with a refusal; the node waits that long plus a grace.
 */
final class DirectoryClient {

    private record Answer(String refusal, String value) {
    }

    private record Gathered(String refusal, Map<String, String> values) {
    }

    private final NodeControl control;
    private final ConductorLink link;
    private final Participants participants;
    private final PauseGate gate;
    private final Duration barrierTimeout;
    private final Duration grace;
    private final int transportFrameSize;
    private final AtomicLong requestIds = new AtomicLong();
    private final PendingAnswers<Long, Answer> lookups;
    private final PendingAnswers<String, Gathered> exchanges;

    /**
     * @param barrierTimeout how long an exchange may wait for the other nodes
     * @param grace          how long beyond a timeout to wait for the conductor's answer
     * @param scheduler      what the waits for answers park with
     */
    DirectoryClient(NodeControl control, ConductorLink link, Participants participants, PauseGate gate,
                    Duration barrierTimeout, Duration grace, int transportFrameSize, Scheduler scheduler) {
        this.control = control;
        this.link = link;
        this.participants = participants;
        this.gate = gate;
        this.barrierTimeout = barrierTimeout;
        this.grace = grace;
        this.transportFrameSize = transportFrameSize;
        this.lookups = new PendingAnswers<>(control, scheduler);
        this.exchanges = new PendingAnswers<>(control, scheduler);
    }

    /** {@link dev.multinode.Node#publish}: the key must not be one of the harness's. */
    void publish(String key, String value) {
        put(userKey("publish", key), value);
    }

    /** {@link dev.multinode.Node#lookup}. */
    String lookup(String role, String key, Duration timeout) {
        return get(role, userKey("lookup", key), timeout);
    }

    /** Publishes under any key, the harness's own included. */
    void put(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("publish(" + key + ", null): the value must be a string");
        }
        gate.pass();
        try {
            link.sendPublish(key, value);
        } catch (BufferOverflowException tooLarge) {
            throw tooLarge("publish", key, value);
        }
    }

    /** Looks up any key, the harness's own included; waits for it up to the timeout. */
    String get(String role, String key, Duration timeout) {
        participants.indexOf(role);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("lookup(" + role + ", " + key + ", " + timeout
                    + "): the timeout must be a positive duration");
        }
        gate.pass();
        control.checkNotAborted();
        long id = requestIds.incrementAndGet();
        CompletableFuture<Answer> answer = lookups.expect(id);
        link.sendLookup(id, timeout.toMillis(), role, key);
        Duration bound = timeout.plus(grace);
        Answer found = lookups.await(id, answer, bound, "while looking up " + role + "'s '" + key + "'",
                () -> "The conductor did not answer lookup(" + role + ", " + key + ") within " + bound.toMillis() + " ms");
        if (!found.refusal().isEmpty()) {
            throw new IllegalStateException(found.refusal());
        }
        return found.value();
    }

    /** {@link dev.multinode.Node#exchange}. */
    Map<String, String> exchange(String key, String value) {
        nonEmpty("exchange", key);
        if (value == null) {
            throw new IllegalArgumentException("exchange(" + key + ", null): the value must be a string");
        }
        gate.pass();
        control.checkNotAborted();
        CompletableFuture<Gathered> answer = exchanges.expect(key);
        try {
            link.sendExchange(barrierTimeout.toMillis(), key, value);
        } catch (BufferOverflowException tooLarge) {
            exchanges.forget(key);
            throw tooLarge("exchange", key, value);
        }
        Duration bound = barrierTimeout.plus(grace);
        Gathered gathered = exchanges.await(key, answer, bound, "while waiting in exchange '" + key + "'",
                () -> "The conductor did not answer exchange(" + key + ") within " + bound.toMillis() + " ms");
        if (!gathered.refusal().isEmpty()) {
            throw new IllegalStateException(gathered.refusal());
        }
        return gathered.values();
    }

    /** Called by the receiver thread. */
    void answered(LookupAnswerMessage answer) {
        lookups.answered(answer.requestId(), new Answer(answer.refusal(), answer.value()));
    }

    /** Called by the receiver thread. */
    void gathered(ExchangeResultMessage result) {
        exchanges.answered(result.key(), new Gathered(result.refusal(), result.values()));
    }

    private static String userKey(String operation, String key) {
        nonEmpty(operation, key);
        if (DirectoryKeys.isReserved(key)) {
            throw new IllegalArgumentException(operation + "(" + key + "): keys starting with '" + DirectoryKeys.ENDPOINT_PREFIX
                    + "' or '" + DirectoryKeys.RELAY_PREFIX + "' are the harness's, for ports, addresses and relays; "
                    + "choose another key");
        }
        return key;
    }

    private static void nonEmpty(String operation, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(operation + ": the key must be a non-empty string, was "
                    + (key == null ? "null" : "empty"));
        }
    }

    private IllegalArgumentException tooLarge(String operation, String key, String value) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
        return new IllegalArgumentException(operation + "(" + key + ", ...): key and value take " + bytes
                + " bytes of UTF-8; a control frame holds " + transportFrameSize + " bytes in all");
    }
}
