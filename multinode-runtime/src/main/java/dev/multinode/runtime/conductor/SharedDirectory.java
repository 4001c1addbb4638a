package dev.multinode.runtime.conductor;

import dev.multinode.runtime.protocol.ExchangeResultMessage;
import dev.multinode.runtime.protocol.FrameType;
import dev.multinode.runtime.protocol.LookupAnswerMessage;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The run's shared directory: what each node published (its endpoints among them), the lookups
 * that wait for a key not published yet (each bounded by its timeout on the conductor's clock) and
 * the all-gathers ({@link Exchange}s). An answer goes to the incarnation that asked: a restarted
 * node's request ids start again, so an answer meant for its earlier life is not sent to it.
 */
final class SharedDirectory {

    private record Lookup(NodeState asker, int incarnation, long requestId, String role, String key) {
    }

    private final NodeRoster nodes;
    private final ConductorTimers timers;
    private final ByteBuffer outgoing;
    private final Map<String, Map<String, String>> published = new HashMap<>();
    private final List<Lookup> waiting = new ArrayList<>();
    private final Map<String, Exchange> exchanges = new HashMap<>();

    SharedDirectory(NodeRoster nodes, ConductorTimers timers, int transportFrameSize) {
        this.nodes = nodes;
        this.timers = timers;
        this.outgoing = ByteBuffer.allocate(transportFrameSize);
    }

    /** A node published a value: it replaces an earlier one, and answers the lookups waiting for it. */
    void publish(NodeState publisher, String key, String value) {
        published.computeIfAbsent(publisher.role, role -> new TreeMap<>()).put(key, value);
        waiting.removeIf(lookup -> {
            if (lookup.role.equals(publisher.role) && lookup.key.equals(key)) {
                answer(lookup, "", value);
                return true;
            }
            return false;
        });
    }

    /**
     * @param role   a role
     * @param prefix the start of a key
     * @return whether the role published a key that starts with it
     */
    boolean hasKeyStartingWith(String role, String prefix) {
        return published.getOrDefault(role, Map.of()).keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /** Answers at once if the value is there, else when it is published or the timeout passes. */
    void lookup(NodeState asker, long requestId, String role, String key, long timeoutMillis, long now) {
        Lookup lookup = new Lookup(asker, asker.incarnation, requestId, role, key);
        if (!isRole(role)) {
            answer(lookup, "lookup(" + role + ", " + key + "): no node has role '" + role + "'; the roles are "
                    + nodes.all().stream().map(n -> n.role).toList(), "");
            return;
        }
        String value = published.getOrDefault(role, Map.of()).get(key);
        if (value != null) {
            answer(lookup, "", value);
            return;
        }
        waiting.add(lookup);
        timers.at(now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), () -> {
            if (waiting.remove(lookup)) {
                answer(lookup, "lookup(" + role + ", " + key + ") timed out after " + timeoutMillis + " ms: " + role
                        + " published " + publishedKeys(role), "");
            }
        });
    }

    /** A node gave its value of an all-gather; the first arrival's timeout bounds it. */
    void exchange(NodeState giver, String key, String value, long timeoutMillis, long now) {
        Exchange exchange = exchanges.get(key);
        if (exchange == null) {
            Exchange opened = new Exchange(key, nodes);
            exchanges.put(key, opened);
            timers.at(now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), () -> send(opened, opened.timedOut(timeoutMillis)));
            exchange = opened;
        }
        send(exchange, exchange.give(giver, value));
    }

    /** A node left the run or finished its body: an open exchange may now complete, or fail. */
    void nodeLeft() {
        for (Exchange exchange : exchanges.values()) {
            send(exchange, exchange.check());
        }
    }

    private void send(Exchange exchange, List<NodeState> recipients) {
        for (NodeState node : recipients) {
            ByteBuffer payload;
            try {
                payload = ExchangeResultMessage.write(outgoing, exchange.key(), exchange.refusal(), exchange.values());
            } catch (BufferOverflowException tooLarge) {
                payload = ExchangeResultMessage.write(outgoing, exchange.key(), "exchange(" + exchange.key()
                        + "): the values of " + exchange.values().keySet() + " together exceed the control frame's "
                        + outgoing.capacity() + " bytes", Map.of());
            }
            nodes.send(node, FrameType.EXCHANGE_RESULT, payload);
        }
    }

    private void answer(Lookup lookup, String refusal, String value) {
        if (lookup.asker.incarnation == lookup.incarnation && !lookup.asker.isGone()) {
            nodes.send(lookup.asker, FrameType.LOOKUP_ANSWER,
                    LookupAnswerMessage.write(outgoing, lookup.requestId, refusal, value));
        }
    }

    private String publishedKeys(String role) {
        Map<String, String> keys = published.get(role);
        return keys == null ? "nothing yet" : "only " + new ArrayList<>(keys.keySet());
    }

    private boolean isRole(String role) {
        return nodes.all().stream().anyMatch(node -> node.role.equals(role));
    }
}
