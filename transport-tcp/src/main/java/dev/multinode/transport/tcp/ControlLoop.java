package dev.multinode.transport.tcp;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's one background thread: it accepts connections, checks their handshakes within
 * the handshake timeout, and keeps the directory (the conductor publishes addresses, the nodes
 * read them). It exists because a sender may have to wait for the directory, and senders include
 * the thread that polls the endpoint (replying from inside a frame receiver): if polling drove the
 * directory, that wait could never end. The thread blocks in {@link Selector#select} between
 * events, so it costs no CPU while the run is quiet.
 */
final class ControlLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);
    private static final long JOIN_MILLIS = 5_000;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<PendingHandshake> handshakes = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * Starts the thread.
     *
     * @param name the thread's name
     * @throws IOException if no selector can be opened
     */
    ControlLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Registers a channel with the control selector, on the control thread.
     *
     * @param channel a non-blocking channel
     * @param ops     the interest set
     * @param handler handles its readiness
     */
    void register(SelectableChannel channel, int ops, ControlHandler handler) {
        execute(() -> {
            try {
                channel.register(selector, ops, handler);
            } catch (ClosedChannelException e) {
                LOG.debug("Channel closed before the control thread could watch it: {}", channel);
            }
        });
    }

    /**
     * Watches a connection until its handshake is complete or refused; called on the control thread.
     *
     * @param handshake the connection
     */
    void watch(PendingHandshake handshake) {
        try {
            handshake.register(selector);
            handshakes.add(handshake);
        } catch (ClosedChannelException e) {
            handshake.discard();
        }
    }

    /**
     * Stops watching a connection's deadline; called on the control thread.
     *
     * @param handshake the connection
     */
    void forget(PendingHandshake handshake) {
        handshakes.remove(handshake);
    }

    /**
     * Waits until the control thread has let go of the channels closed so far. A non-blocking
     * channel registered with a selector keeps its socket (and a listener its port) until that
     * selector deregisters it, which only the control thread does, in a selection.
     */
    void release() {
        if (Thread.currentThread() == thread) {
            return;
        }
        CountDownLatch released = new CountDownLatch(1);
        execute(() -> {
            try {
                // A selection deregisters cancelled keys; readiness is level-triggered, so ignoring it loses nothing.
                selector.selectNow(key -> { });
            } catch (IOException e) {
                LOG.debug("Releasing closed channels failed", e);
            }
            released.countDown();
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        try {
            while (!released.await(10, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    LOG.warn("The TCP transport's control thread {} did not release closed channels within {} ms",
                            thread.getName(), JOIN_MILLIS);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(this::dispatch, selectTimeoutMillis());
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                expireHandshakes(System.nanoTime());
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("The TCP transport's control thread failed; no new connection will be accepted", e);
        } finally {
            for (PendingHandshake handshake : handshakes) {
                handshake.discard();
            }
            handshakes.clear();
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("Closing the control selector failed", e);
            }
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            ((ControlHandler) key.attachment()).onReady(key);
        } catch (CancelledKeyException e) {
            LOG.debug("Channel closed while the control thread handled it: {}", key.channel());
        } catch (RuntimeException e) {
            LOG.error("The TCP transport's control thread failed on {}", key.channel(), e);
        }
    }

    /** Wakes up in time for the earliest handshake deadline; 0 (no timeout) when none is pending. */
    private long selectTimeoutMillis() {
        if (handshakes.isEmpty()) {
            return 0;
        }
        long earliest = Long.MAX_VALUE;
        long now = System.nanoTime();
        for (PendingHandshake handshake : handshakes) {
            earliest = Math.min(earliest, handshake.deadline() - now);
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliest) + 1);
    }

    private void expireHandshakes(long now) {
        for (int i = handshakes.size() - 1; i >= 0; i--) {
            PendingHandshake handshake = handshakes.get(i);
            if (handshake.expire(now)) {
                handshakes.remove(i);
            }
        }
    }

    /** Stops the thread and waits a bounded time for it; it closes what it watches. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The TCP transport's control thread {} did not stop within {} ms", thread.getName(), JOIN_MILLIS);
        }
    }
}
