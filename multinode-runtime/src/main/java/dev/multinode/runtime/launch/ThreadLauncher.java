package dev.multinode.runtime.launch;

import dev.multinode.NodeBody;
import dev.multinode.runtime.body.BodySerializer;
import dev.multinode.runtime.conductor.NodeStarter;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.node.NodeRuntime;
import dev.multinode.runtime.report.NodeLogCapture;
import dev.multinode.spi.Scheduler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every node as a thread of this JVM, named after its role. Each node gets its own copy of the
 * body, deserialized as a process would, so that nodes share nothing they would not share apart,
 * and its own log: what its threads print goes to {@code <run folder>/<role>.log}. Each node's
 * threads, and the threads they start, belong to a thread group named after the role, so that a
 * node whose body will not stop can be named with every thread it left running. A restarted
 * role's next incarnation is a fresh node runtime on a thread of its own ({@code role#N}), on the
 * endpoint its predecessor gave back. The nodes' threads are the transport's
 * {@linkplain dev.multinode.spi.Transport#scheduler() scheduler's}.
 */
public final class ThreadLauncher implements NodeLauncher, NodeStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadLauncher.class);
    private static final long HAND_OVER_SECONDS = 10;

    /** One role's endpoint, log and current incarnation. */
    private static final class Slot {
        final RoleLineStream lines;
        volatile LentEndpoint endpoint;
        volatile int incarnation;

        Slot(RoleLineStream lines) {
            this.lines = lines;
        }
    }

    /** A node's thread, of some incarnation of a role. */
    private record NodeThread(String role, Thread thread) {
    }

    private final List<NodeThread> threads = new CopyOnWriteArrayList<>();
    private final List<String> stragglers = new ArrayList<>();
    private final Map<String, NodeOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private RunContext run;
    private NodeLogCapture capture;

    @Override
    public void launch(RunContext run) throws IOException {
        this.run = run;
        List<String> roles = run.settings().roles();
        capture = NodeLogCapture.start(openLogs(run));
        run.conductor().nodeStarter(this);
        for (int i = 0; i < roles.size(); i++) {
            slots.get(roles.get(i)).endpoint = new LentEndpoint(run.transport().endpoint(i + 1));
        }
        List<Thread> first = new ArrayList<>();
        for (String role : roles) {
            first.add(nodeThread(role, 0));
        }
        first.forEach(Thread::start);
    }

    private Thread nodeThread(String role, int incarnation) {
        NodeBody body = BodySerializer.deserialize(run.body(), run.bodyClassLoader());
        Scheduler scheduler = run.transport().scheduler();
        NodeRuntime node = new NodeRuntime(run.nodeConfig(role, incarnation), slots.get(role).endpoint, scheduler);
        if (!scheduler.isSimulated()) { // a simulation delivers verdicts as frames, with the network's latencies
            run.conductor().releaseLocally(role, incarnation, node::barrierReleased);
        }
        String label = RoleLineStream.label(role, incarnation);
        Slot slot = slots.get(role);
        Thread thread = scheduler.newThread(threadGroup(label), () -> {
            capture.enter(role);
            NodeOutcome outcome = node.run(body);
            if (slot.incarnation == incarnation) { // an old incarnation that ended late reports nothing
                outcomes.put(role, outcome);
            }
        }, label);
        thread.setContextClassLoader(run.bodyClassLoader());
        threads.add(new NodeThread(role, thread));
        return thread;
    }

    @Override
    public void prepare(String role) {
        slots.get(role).endpoint.keep();
    }

    /**
     * Waits, off the conductor's thread, until the killed incarnation's receiver gave the endpoint
     * back, then starts the next incarnation on it.
     */
    @Override
    public CompletableFuture<Void> start(String role, int incarnation) {
        Slot slot = slots.get(role);
        LentEndpoint previous = slot.endpoint;
        return previous.returned().orTimeout(HAND_OVER_SECONDS, TimeUnit.SECONDS).handle((returned, error) -> {
            if (error instanceof TimeoutException) {
                throw new IllegalStateException("the receiver of " + RoleLineStream.label(role, incarnation - 1)
                        + " still polls its endpoint " + HAND_OVER_SECONDS + " s after the kill");
            }
            slot.endpoint = new LentEndpoint(previous.endpoint());
            slot.incarnation = incarnation;
            slot.lines.relabel(RoleLineStream.label(role, incarnation));
            nodeThread(role, incarnation).start();
            return null;
        });
    }

    /** A daemon group: it goes away with its last thread instead of staying in its parent for good. */
    private static ThreadGroup threadGroup(String label) {
        ThreadGroup group = new ThreadGroup(label);
        group.setDaemon(true);
        return group;
    }

    /** Each node's log, {@code <run folder>/<role>.log}, in the same line format as a process node's. */
    private Map<String, PrintStream> openLogs(RunContext run) throws IOException {
        Map<String, PrintStream> logs = new LinkedHashMap<>();
        try {
            for (String role : run.settings().roles()) {
                OutputStream file = new BufferedOutputStream(Files.newOutputStream(run.runDirectory().resolve(role + ".log")));
                RoleLineStream lines = new RoleLineStream(file, role);
                slots.put(role, new Slot(lines));
                logs.put(role, new PrintStream(lines, true, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            logs.values().forEach(PrintStream::close);
            throw e;
        }
        return logs;
    }

    @Override
    public Map<String, NodeOutcome> awaitNodes(Duration timeout, Set<String> givenUp) {
        long start = System.nanoTime();
        for (NodeThread node : threads) {
            Thread thread = node.thread();
            long bound = (givenUp.contains(node.role()) ? GIVEN_UP_WAIT : timeout).toNanos();
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(start + bound - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                stragglers.add(thread.getName() + " did not stop after the run; threads left running: "
                        + String.join(", ", liveThreads(thread.getThreadGroup())));
            }
        }
        return new LinkedHashMap<>(outcomes);
    }

    /** @return the names of the live threads a node started, its own thread first */
    private static List<String> liveThreads(ThreadGroup group) {
        if (group == null) {
            return List.of();
        }
        Thread[] live = new Thread[group.activeCount() + 8];
        int count = group.enumerate(live);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(live[i].getName());
        }
        return names;
    }

    @Override
    public List<String> stragglers() {
        return List.copyOf(stragglers);
    }

    @Override
    public void close() {
        for (NodeThread node : threads) {
            Thread thread = node.thread();
            if (thread.isAlive()) {
                LOG.warn("Node thread {} is still alive after the run; interrupting it", thread.getName());
                thread.interrupt();
                run.transport().scheduler().unpark(thread);
            }
        }
        if (capture != null) {
            capture.close();
        }
    }
}
