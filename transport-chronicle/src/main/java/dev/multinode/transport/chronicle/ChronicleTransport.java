package dev.multinode.transport.chronicle;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JVM's share of the chronicle transport. It opens every participant's inbox, since any
 * participant living here may send to any other; it tails only the inboxes of the endpoints it
 * opens. Every JVM of a run opens its share from the same context, so nothing needs handing down.
 */
final class ChronicleTransport implements Transport {

    private final TransportContext context;
    private final Inbox[] inboxes;
    /** Guarded by {@code this}. */
    private final ChronicleEndpoint[] endpoints;
    /** Guarded by {@code this}. */
    private boolean closed;

    private ChronicleTransport(TransportContext context, Inbox[] inboxes) {
        this.context = context;
        this.inboxes = inboxes;
        this.endpoints = new ChronicleEndpoint[inboxes.length];
    }

    /**
     * Opens the inboxes of every participant under {@code context.runDirectory()}.
     *
     * @param context the run's parameters
     * @return the transport
     * @throws IOException if an inbox cannot be opened
     */
    static ChronicleTransport open(TransportContext context) throws IOException {
        if (context.maxFrameSize() < 0) {
            throw new IllegalArgumentException("maxFrameSize must be 0 or more, was " + context.maxFrameSize());
        }
        List<String> participants = context.participants();
        Inbox[] inboxes = new Inbox[participants.size()];
        ChronicleThreads.acquire();
        int opened = 0;
        try {
            for (; opened < inboxes.length; opened++) {
                inboxes[opened] = Inbox.open(QueueLayout.inboxDirectory(context.runDirectory(), opened,
                        participants.get(opened)), context.maxFrameSize(), context.launchMode() == LaunchMode.THREAD);
            }
            return new ChronicleTransport(context, inboxes);
        } catch (RuntimeException e) {
            for (int i = 0; i < opened; i++) {
                inboxes[i].close();
            }
            ChronicleThreads.release();
            throw new IOException("cannot open the inbox queue of participant '" + participants.get(opened)
                    + "' in " + QueueLayout.inboxDirectory(context.runDirectory(), opened, participants.get(opened))
                    + ": " + e, e);
        }
    }

    @Override
    public synchronized Endpoint endpoint(int participant) {
        if (participant < 0 || participant >= inboxes.length) {
            throw new IllegalArgumentException("no participant with index " + participant
                    + "; indexes run from 0 to " + (inboxes.length - 1));
        }
        if (closed) {
            throw new IllegalStateException("the chronicle transport is closed");
        }
        if (endpoints[participant] != null) {
            // A second tailer would deliver every frame twice.
            throw new IllegalStateException("the endpoint of participant '"
                    + context.participants().get(participant) + "' is already open");
        }
        ChronicleEndpoint endpoint = new ChronicleEndpoint(participant, context.participants(),
                context.maxFrameSize(), this, inboxes[participant].createTailer(), inboxes[participant].signal());
        endpoints[participant] = endpoint;
        return endpoint;
    }

    /** @return the inbox of {@code participant}, a valid index */
    Inbox inbox(int participant) {
        return inboxes[participant];
    }

    /** @return empty: a child JVM finds the queues from the run directory of its own context */
    @Override
    public Map<String, String> childProperties() {
        return Map.of();
    }

    /**
     * Closes every endpoint, appender and queue, so no file of the run directory stays mapped. The
     * last transport closed in this JVM also stops Chronicle's JVM-wide helper threads. Everything
     * is closed even if closing one part fails; the first failure is thrown afterwards.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (AutoCloseable part : parts()) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        ChronicleThreads.release();
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the endpoints opened here, then the inboxes: tailers go before their queues */
    private List<AutoCloseable> parts() {
        List<AutoCloseable> parts = new ArrayList<>(endpoints.length + inboxes.length);
        for (ChronicleEndpoint endpoint : endpoints) {
            if (endpoint != null) {
                parts.add(endpoint);
            }
        }
        parts.addAll(List.of(inboxes));
        return parts;
    }
}
