package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Await;
import dev.multinode.runtime.testing.FakeEndpoint;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A node's executors: the scheduler's, on threads it made, named after the role, behind the node's gate. */
class NodeResourcesTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    /** The system's scheduler, recording the threads and executors asked of it. */
    private static final class RecordingScheduler implements Scheduler {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<Integer> executors = new CopyOnWriteArrayList<>();

        @Override
        public long nanoTime() {
            return Scheduler.system().nanoTime();
        }

        @Override
        public long epochNanos() {
            return Scheduler.system().epochNanos();
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            Scheduler.system().parkUntil(deadlineNanos);
        }

        @Override
        public void unpark(Thread thread) {
            Scheduler.system().unpark(thread);
        }

        @Override
        public Thread newThread(ThreadGroup group, Runnable task, String name) {
            threads.add(name);
            return Scheduler.system().newThread(group, task, name);
        }

        @Override
        public ScheduledExecutorService newScheduledExecutor(int threads, ThreadFactory factory, Runnable beforeEachTask) {
            executors.add(threads);
            return Scheduler.system().newScheduledExecutor(threads, factory, beforeEachTask);
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final NodeControl control = new NodeControl("node-a", LoggerFactory.getLogger(NodeResourcesTest.class), scheduler);
    private final PauseGate gate = new PauseGate(control, scheduler);
    private final NodeResources resources = new NodeResources("node-a", LoggerFactory.getLogger(NodeResourcesTest.class),
            new FakeEndpoint(FakeNode.NODE_A), gate, scheduler);

    @AfterEach
    void release() {
        resources.release();
    }

    @Test
    void theExecutorAndTheDelayerAreTheSchedulersWithThreadsNamedAfterTheRole() {
        CompletableFuture<String> task = new CompletableFuture<>();
        CompletableFuture<String> delayed = new CompletableFuture<>();

        resources.executor().execute(() -> task.complete(Thread.currentThread().getName()));
        resources.delayer().schedule(() -> delayed.complete(Thread.currentThread().getName()), 1, TimeUnit.MILLISECONDS);

        assertThat(task).succeedsWithin(WITHIN).isEqualTo("node-a-executor-1");
        assertThat(delayed).succeedsWithin(WITHIN).isEqualTo("node-a-delay-1");
        assertThat(scheduler.executors).containsExactly(2, 1);
        assertThat(scheduler.threads).contains("node-a-executor-1", "node-a-delay-1");
    }

    @Test
    void aPausedNodesTasksWaitAtTheGateUntilTheResume() {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        gate.pause();

        resources.executor().execute(() -> ran.complete(true));

        Await.awaitAssert(() -> assertThat(stackOf("node-a-executor-1")).extracting(StackTraceElement::getClassName)
                .contains(PauseGate.class.getName()), WITHIN);
        assertThat(ran).isNotDone();
        gate.resume();
        assertThat(ran).succeedsWithin(WITHIN).isEqualTo(true);
    }

    private static List<StackTraceElement> stackOf(String threadName) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().equals(threadName))
                .flatMap(thread -> Arrays.stream(thread.getValue())).toList();
    }
}
