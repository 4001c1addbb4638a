package dev.multinode.runtime.launch;

import dev.multinode.NodeBody;
import dev.multinode.runtime.body.BodySerializer;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.node.NodeRuntime;
import dev.multinode.runtime.report.NodeLogCapture;
import dev.multinode.spi.Endpoint;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every node as a thread of this JVM, named after its role. Each node gets its own copy of the
 * body, deserialized as a process would, so that nodes share nothing they would not share apart,
 * and its own log: what its threads print goes to {@code <run folder>/<role>.log}. Each node's
 * threads, and the threads they start, belong to a thread group named after the role, so that a
 * node whose body will not stop can be named with every thread it left running.
 */
public final class ThreadLauncher implements NodeLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadLauncher.class);

    private final List<Thread> threads = new ArrayList<>();
    private final List<String> stragglers = new ArrayList<>();
    private final Map<String, NodeOutcome> outcomes = new ConcurrentHashMap<>();
    private NodeLogCapture capture;

    @Override
    public void launch(RunContext run) throws IOException {
        List<String> roles = run.settings().roles();
        capture = NodeLogCapture.start(openLogs(run));
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            Endpoint endpoint = run.transport().endpoint(i + 1);
            NodeBody body = BodySerializer.deserialize(run.body(), run.bodyClassLoader());
            NodeRuntime node = new NodeRuntime(run.nodeConfig(role, 0), endpoint);
            Thread thread = new Thread(threadGroup(role), () -> {
                capture.enter(role);
                NodeOutcome outcome = node.run(body);
                outcomes.put(role, outcome);
            }, role);
            thread.setDaemon(true);
            thread.setContextClassLoader(run.bodyClassLoader());
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** A daemon group: it goes away with its last thread instead of staying in its parent for good. */
    private static ThreadGroup threadGroup(String role) {
        ThreadGroup group = new ThreadGroup(role);
        group.setDaemon(true);
        return group;
    }

    /** Each node's log, {@code <run folder>/<role>.log}, in the same line format as a process node's. */
    private static Map<String, PrintStream> openLogs(RunContext run) throws IOException {
        Map<String, PrintStream> logs = new LinkedHashMap<>();
        try {
            for (String role : run.settings().roles()) {
                OutputStream file = new BufferedOutputStream(Files.newOutputStream(run.runDirectory().resolve(role + ".log")));
                logs.put(role, new PrintStream(new RoleLineStream(file, role), true, StandardCharsets.UTF_8));
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
        for (Thread thread : threads) {
            long bound = (givenUp.contains(thread.getName()) ? GIVEN_UP_WAIT : timeout).toNanos();
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
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                LOG.warn("Node thread {} is still alive after the run; interrupting it", thread.getName());
                thread.interrupt();
            }
        }
        if (capture != null) {
            capture.close();
        }
    }
}
