package dev.multinode.examples.cluster.net;

import dev.multinode.ProbeRef;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * An in-memory world for cluster unit tests: every node's tasks and every frame in flight sit in one
 * queue ordered by virtual time, and the test thread runs them, so a run is deterministic and seconds
 * of cluster time take milliseconds. Frames take one virtual millisecond; killed nodes and blackholed
 * links drop them. A restarted node is a new incarnation on a new network; a paused node's tasks and
 * the frames sent to it wait, in order, until it resumes.
 */
public final class VirtualWorld {

    private static final long LATENCY_NANOS = Duration.ofMillis(1).toNanos();

    private final List<String> roles;
    private final Map<String, VirtualNetwork> networks = new LinkedHashMap<>();
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparingLong(Task::time).thenComparingLong(Task::sequence));
    private final Set<String> dead = new HashSet<>();
    private final Set<String> paused = new HashSet<>();
    private final List<Task> held = new ArrayList<>();
    private final Set<List<String>> blocked = new HashSet<>();
    private final Map<ProbeRef, List<String>> deliveries = new HashMap<>();
    private long now;
    private long sequence;
    private long framesSent;

    /**
     * @param roles every role of the world
     */
    public VirtualWorld(String... roles) {
        this.roles = List.of(roles);
        for (String role : roles) {
            networks.put(role, new VirtualNetwork(this, role, 0));
        }
    }

    /** @return every role */
    public List<String> roles() {
        return roles;
    }

    /**
     * @param role a role
     * @return that node's network
     */
    public VirtualNetwork network(String role) {
        VirtualNetwork network = networks.get(role);
        if (network == null) {
            throw new IllegalArgumentException("unknown role " + role + "; roles are " + roles);
        }
        return network;
    }

    /** @return virtual time since the world began */
    public Duration elapsed() {
        return Duration.ofNanos(now);
    }

    /** @return how many frames nodes sent, dropped ones included */
    public long framesSent() {
        return framesSent;
    }

    /**
     * Kills a node: its tasks never run again and its frames, both ways, are dropped.
     *
     * @param role the node
     */
    public void kill(String role) {
        dead.add(network(role).self());
    }

    /**
     * Starts a killed node's next incarnation on a new network; the old incarnation's tasks and the
     * frames sent to it never run.
     *
     * @param role a killed node
     * @return the new incarnation's network
     * @throws IllegalStateException if the node is alive
     */
    public VirtualNetwork restart(String role) {
        if (!dead.contains(role)) {
            throw new IllegalStateException(role + " is alive; kill it before restarting it");
        }
        VirtualNetwork next = new VirtualNetwork(this, role, network(role).incarnation() + 1);
        networks.put(role, next);
        dead.remove(role);
        return next;
    }

    /**
     * Freezes a node: its tasks and the frames sent to it wait until {@link #resume}; its clock runs on.
     *
     * @param role the node
     */
    public void pause(String role) {
        paused.add(network(role).self());
    }

    /**
     * Lets a paused node go on: what waited runs first, in its order.
     *
     * @param role a paused node
     */
    public void resume(String role) {
        paused.remove(role);
        List<Task> waiting = held.stream().filter(t -> t.network.self().equals(role)).toList();
        held.removeAll(waiting);
        waiting.forEach(t -> queue.add(new Task(now, sequence++, t.network, t.runnable, t.last)));
    }

    /**
     * @param role a role
     * @return whether that node has not been killed
     */
    public boolean isAlive(String role) {
        return !dead.contains(role);
    }

    /**
     * Drops every frame between two nodes, both ways, until {@link #heal()}.
     *
     * @param a one node
     * @param b the other
     */
    public void blackhole(String a, String b) {
        blocked.add(List.of(a, b));
        blocked.add(List.of(b, a));
    }

    /**
     * Blackholes every link of one node, both ways, until {@link #heal()}.
     *
     * @param role the node to cut off
     */
    public void isolate(String role) {
        roles.stream().filter(other -> !other.equals(role)).forEach(other -> blackhole(role, other));
    }

    /** Restores every blackholed link. */
    public void heal() {
        blocked.clear();
    }

    /**
     * @param subscriber a subscriber
     * @return the messages delivered to it, in order
     */
    public List<String> delivered(ProbeRef subscriber) {
        return List.copyOf(deliveries.getOrDefault(subscriber, List.of()));
    }

    /**
     * Hands raw bytes to a node's frame handler, as if {@code from} had sent them.
     *
     * @param from  the pretended sender
     * @param to    the receiver
     * @param bytes the frame
     */
    public void inject(String from, String to, byte[] bytes) {
        VirtualNetwork receiver = network(to);
        enqueue(receiver, now + LATENCY_NANOS, () -> receiver.receive(from, ByteBuffer.wrap(bytes).asReadOnlyBuffer()),
                false);
    }

    /**
     * Runs everything due within a span of virtual time.
     *
     * @param span how far to move the clock
     */
    public void advance(Duration span) {
        long until = now + span.toNanos();
        while (!queue.isEmpty() && queue.peek().time <= until) {
            runNext();
        }
        now = until;
    }

    /**
     * Runs tasks until a condition holds.
     *
     * @param what      the condition, for the failure message
     * @param condition the condition
     * @param limit     the most virtual time to spend
     * @throws AssertionError if the limit passes first
     */
    public void runUntil(String what, BooleanSupplier condition, Duration limit) {
        long until = now + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().time > until) {
                now = Math.max(now, until);
                throw new AssertionError("still not " + what + " after " + limit.toMillis() + " ms of virtual time");
            }
            runNext();
        }
    }

    /**
     * Runs tasks until a future completes.
     *
     * @param future the future
     * @param limit  the most virtual time to spend
     * @param <T>    the value's type
     * @return its value
     * @throws AssertionError if it does not complete in time, or fails
     */
    public <T> T await(CompletableFuture<T> future, Duration limit) {
        runUntil("complete", future::isDone, limit);
        try {
            return future.join();
        } catch (CompletionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs tasks until a future fails.
     *
     * @param future the future
     * @param limit  the most virtual time to spend
     * @return its failure
     * @throws AssertionError if it does not complete in time, or succeeds
     */
    public Throwable awaitFailure(CompletableFuture<?> future, Duration limit) {
        runUntil("complete", future::isDone, limit);
        try {
            Object value = future.join();
            throw new AssertionError("expected a failure, got " + value);
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    long now() {
        return now;
    }

    void transmit(String from, String to, ByteBuffer frame) {
        if (!networks.containsKey(to)) {
            throw new IllegalArgumentException("unknown role " + to + "; roles are " + roles);
        }
        framesSent++;
        if (dead.contains(from) || dead.contains(to) || blocked.contains(List.of(from, to))) {
            return;
        }
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        VirtualNetwork receiver = networks.get(to);
        enqueue(receiver, now + LATENCY_NANOS, () -> receiver.receive(from, ByteBuffer.wrap(bytes).asReadOnlyBuffer()),
                false);
    }

    void deliver(ProbeRef subscriber, String message) {
        if (!dead.contains(subscriber.role())) {
            deliveries.computeIfAbsent(subscriber, s -> new ArrayList<>()).add(message);
        }
    }

    void enqueue(VirtualNetwork network, long time, Runnable task, boolean last) {
        queue.add(new Task(time, sequence++, network, task, last));
    }

    private void runNext() {
        Task task = queue.poll();
        now = Math.max(now, task.time);
        String role = task.network.self();
        if (dead.contains(role) || networks.get(role) != task.network
                || (task.network.scheduler().isShutDown() && !task.last)) {
            return;
        }
        if (paused.contains(role)) {
            held.add(task);
            return;
        }
        task.runnable.run();
    }

    /** A task of one incarnation of a node: a later incarnation never runs it. */
    private record Task(long time, long sequence, VirtualNetwork network, Runnable runnable, boolean last) {
    }
}
