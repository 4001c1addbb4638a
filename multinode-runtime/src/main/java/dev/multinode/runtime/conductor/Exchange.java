package dev.multinode.runtime.conductor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One all-gather of the {@link SharedDirectory}, with a barrier's rules: it completes once every
 * live node gave a value (killed and shut-down nodes do not count, nor their values; a node down
 * for a restart does, and its next incarnation is answered when it gives again), and fails, for
 * every node waiting, when a node finishes its body without giving one or the timeout passes.
 */
final class Exchange {

    private final String key;
    private final NodeRoster nodes;
    private final Map<String, String> given = new HashMap<>();
    private final Map<NodeState, Integer> waiters = new LinkedHashMap<>();
    private Map<String, String> values;
    private String refusal;

    Exchange(String key, NodeRoster nodes) {
        this.key = key;
        this.nodes = nodes;
    }

    /** @return the nodes to answer now: the waiters if it just ended, the giver alone if it had ended */
    List<NodeState> give(NodeState giver, String value) {
        if (!isOpen()) {
            return List.of(giver);
        }
        given.put(giver.role, value);
        waiters.put(giver, giver.incarnation);
        return check();
    }

    /** @return the waiters to answer if the exchange ended now, else none */
    List<NodeState> check() {
        if (!isOpen()) {
            return List.of();
        }
        for (NodeState node : nodes.all()) {
            if (counts(node) && node.phase.isDone() && !given.containsKey(node.role)) {
                return fail("exchange(" + key + ") failed: " + node.role + " " + node.whereabouts()
                        + " without giving a value; given by " + givers());
            }
        }
        Map<String, String> live = new LinkedHashMap<>();
        for (NodeState node : nodes.all()) {
            if (counts(node)) {
                String value = given.get(node.role);
                if (value == null) {
                    return List.of();
                }
                live.put(node.role, value);
            }
        }
        values = live;
        refusal = "";
        return waiting();
    }

    /** @return the waiters to answer if the exchange was still open */
    List<NodeState> timedOut(long timeoutMillis) {
        if (!isOpen()) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (NodeState node : nodes.all()) {
            if (counts(node) && !given.containsKey(node.role)) {
                missing.add(node.role + " (" + node.whereabouts() + ")");
            }
        }
        return fail("exchange(" + key + ") timed out after " + timeoutMillis + " ms: given by " + givers()
                + ", missing " + missing);
    }

    String key() {
        return key;
    }

    /** @return why it failed, or empty when it completed */
    String refusal() {
        return refusal;
    }

    /** @return the live nodes' values in role order once it completed, else none */
    Map<String, String> values() {
        return values == null ? Map.of() : values;
    }

    private boolean isOpen() {
        return refusal == null;
    }

    /** Dead nodes abort the run anyway; removed ones have left it. */
    private static boolean counts(NodeState node) {
        return node.phase != Phase.KILLED && node.phase != Phase.SHUT_DOWN && node.phase != Phase.DIED && !node.removing;
    }

    private List<NodeState> fail(String why) {
        refusal = why;
        return waiting();
    }

    private List<NodeState> waiting() {
        List<NodeState> answered = new ArrayList<>();
        waiters.forEach((node, incarnation) -> {
            if (node.incarnation == incarnation && !node.isGone()) {
                answered.add(node);
            }
        });
        return answered;
    }

    private List<String> givers() {
        return nodes.all().stream().map(node -> node.role).filter(given::containsKey).toList();
    }
}
