package dev.multinode.runtime.node;

import dev.multinode.MultiNodeProbe;
import dev.multinode.ProbeRef;
import dev.multinode.RunAbortedException;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * A probe's queue of received messages; the node's receiver thread fills it and wakes the threads
 * waiting for a message, which park through the scheduler.
 */
final class ProbeMailbox implements MultiNodeProbe {

    private final ProbeRef ref;
    private final NodeControl control;
    private final Scheduler scheduler;
    private final ConcurrentLinkedQueue<Object> messages = new ConcurrentLinkedQueue<>();
    private final ParkedThreads waiting;
    private final BooleanSupplier arrived = () -> !messages.isEmpty();

    ProbeMailbox(ProbeRef ref, NodeControl control, Scheduler scheduler) {
        this.ref = ref;
        this.control = control;
        this.scheduler = scheduler;
        this.waiting = new ParkedThreads(scheduler);
    }

    void deliver(Object message) {
        messages.add(message == null ? NullMessage.INSTANCE : message);
        waiting.wakeAll();
    }

    @Override
    public ProbeRef ref() {
        return ref;
    }

    @Override
    public <T> T expectMessage(Class<T> type, Duration timeout) {
        Object message = next(timeout, "a " + type.getSimpleName());
        if (!type.isInstance(message)) {
            throw new AssertionError("Probe " + ref + " expected a " + type.getName() + " but received "
                    + describe(message));
        }
        return type.cast(message);
    }

    @Override
    public void expectMessage(Object expected, Duration timeout) {
        Object message = next(timeout, describe(expected));
        if (!Objects.deepEquals(expected, message)) {
            throw new AssertionError("Probe " + ref + " expected " + describe(expected) + " but received " + describe(message));
        }
    }

    @Override
    public void expectNoMessage(Duration duration) {
        Object message = poll(deadlineAfter(duration));
        if (message != null) {
            throw new AssertionError("Probe " + ref + " expected no message for " + duration.toMillis()
                    + " ms but received " + describe(unwrap(message)));
        }
    }

    @Override
    public List<Object> receiveN(int n, Duration timeout) {
        long deadline = deadlineAfter(timeout);
        List<Object> received = new ArrayList<>(n);
        while (received.size() < n) {
            Object message = poll(deadline);
            if (message == null) {
                throw new AssertionError("Probe " + ref + " expected " + n + " messages within " + timeout.toMillis()
                        + " ms but received " + received.size() + ": " + received);
            }
            received.add(unwrap(message));
        }
        return received;
    }

    private Object next(Duration timeout, String expected) {
        Object message = poll(deadlineAfter(timeout));
        if (message == null) {
            throw new AssertionError("Probe " + ref + " expected " + expected + " within " + timeout.toMillis()
                    + " ms but received nothing");
        }
        return unwrap(message);
    }

    private long deadlineAfter(Duration timeout) {
        return scheduler.nanoTime() + timeout.toNanos();
    }

    /** @return the next message, or null if none came before the deadline */
    private Object poll(long deadline) {
        control.checkNotAborted();
        try {
            Object message;
            while ((message = messages.poll()) == null) {
                if (!waiting.await(arrived, deadline)) {
                    return null;
                }
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunAbortedException(control.abortReason("while probe " + ref + " was waiting"));
        }
    }

    private static Object unwrap(Object message) {
        return message == NullMessage.INSTANCE ? null : message;
    }

    private static String describe(Object message) {
        if (message instanceof byte[] bytes) {
            return "byte[" + bytes.length + "]";
        }
        return message == null ? "null" : message + " (" + message.getClass().getSimpleName() + ")";
    }

    /** Stands for a null message, which a concurrent queue cannot hold. */
    private enum NullMessage { INSTANCE }
}
