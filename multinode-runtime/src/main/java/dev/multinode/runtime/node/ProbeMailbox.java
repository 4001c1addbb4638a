package dev.multinode.runtime.node;

import dev.multinode.MultiNodeProbe;
import dev.multinode.ProbeRef;
import dev.multinode.RunAbortedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A probe's queue of received messages; the node's receiver thread fills it. */
final class ProbeMailbox implements MultiNodeProbe {

    private final ProbeRef ref;
    private final NodeControl control;
    private final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();

    ProbeMailbox(ProbeRef ref, NodeControl control) {
        this.ref = ref;
        this.control = control;
    }

    void deliver(Object message) {
        messages.add(message == null ? NullMessage.INSTANCE : message);
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
        Object message = poll(duration.toNanos());
        if (message != null) {
            throw new AssertionError("Probe " + ref + " expected no message for " + duration.toMillis()
                    + " ms but received " + describe(unwrap(message)));
        }
    }

    @Override
    public List<Object> receiveN(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Object> received = new ArrayList<>(n);
        while (received.size() < n) {
            Object message = poll(deadline - System.nanoTime());
            if (message == null) {
                throw new AssertionError("Probe " + ref + " expected " + n + " messages within " + timeout.toMillis()
                        + " ms but received " + received.size() + ": " + received);
            }
            received.add(unwrap(message));
        }
        return received;
    }

    private Object next(Duration timeout, String expected) {
        Object message = poll(timeout.toNanos());
        if (message == null) {
            throw new AssertionError("Probe " + ref + " expected " + expected + " within " + timeout.toMillis()
                    + " ms but received nothing");
        }
        return unwrap(message);
    }

    private Object poll(long nanos) {
        control.checkNotAborted();
        try {
            return messages.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
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

    /** Stands for a null message, which a blocking queue cannot hold. */
    private enum NullMessage { INSTANCE }
}
