package dev.multinode.transport.inproc;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The in-process transport of one run: one inbox per participant, all in this JVM. Every inbox
 * exists from the start, so a participant may send to another before that one opens its endpoint.
 */
final class InProcTransport implements Transport {

    /** Property of {@link TransportContext#properties()}: how long a send waits for a full inbox. */
    static final String SEND_TIMEOUT_PROPERTY = "multinode.inproc.sendTimeoutMillis";
    /** How long a send waits for a full inbox unless {@value #SEND_TIMEOUT_PROPERTY} says otherwise. */
    static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> participants;
    private final int maxFrameSize;
    private final Duration sendTimeout;
    private final Inbox[] inboxes;
    private final InProcEndpoint[] endpoints;
    private boolean closed;

    /**
     * Allocates every participant's inbox.
     *
     * @param context the run's parameters
     * @throws IllegalArgumentException if the participants, the frame size or the send timeout are
     *     not acceptable
     */
    InProcTransport(TransportContext context) {
        participants = context.participants();
        if (participants.isEmpty() || participants.size() > Inbox.MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("Transport 'inproc' cannot serve " + participants.size()
                    + " participants: accepted 1 to " + Inbox.MAX_PARTICIPANTS);
        }
        maxFrameSize = context.maxFrameSize();
        Inbox.ringCapacity(maxFrameSize);
        sendTimeout = sendTimeout(context.properties());
        inboxes = new Inbox[participants.size()];
        endpoints = new InProcEndpoint[participants.size()];
        try {
            for (int i = 0; i < inboxes.length; i++) {
                inboxes[i] = new Inbox(maxFrameSize);
            }
        } catch (RuntimeException | Error e) {
            // direct memory may run out part way; free what was taken
            closeInboxes();
            throw e;
        }
    }

    private static Duration sendTimeout(Map<String, String> properties) {
        String value = properties.get(SEND_TIMEOUT_PROPERTY);
        if (value == null) {
            return DEFAULT_SEND_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted values
        }
        throw new IllegalArgumentException(SEND_TIMEOUT_PROPERTY + " must be a positive number of milliseconds, was '"
                + value + "'");
    }

    /**
     * Opens a participant's endpoint; each participant's endpoint opens once.
     *
     * @throws IllegalArgumentException if the index is out of range
     * @throws IllegalStateException if the endpoint was opened before or the transport is closed
     */
    @Override
    public synchronized Endpoint endpoint(int participant) {
        checkParticipant(participant);
        if (closed) {
            throw new IllegalStateException("Transport 'inproc' is closed: cannot open the endpoint of participant '"
                    + participants.get(participant) + "'");
        }
        if (endpoints[participant] != null) {
            throw new IllegalStateException("The endpoint of participant '" + participants.get(participant)
                    + "' (index " + participant + ") is already open");
        }
        endpoints[participant] = new InProcEndpoint(this, participant, inboxes[participant]);
        return endpoints[participant];
    }

    /** @return no properties: this transport never reaches another JVM */
    @Override
    public Map<String, String> childProperties() {
        return Map.of();
    }

    /** Closes every endpoint and frees every inbox's memory once no thread is using it. */
    @Override
    public synchronized void close() {
        closed = true;
        closeInboxes();
    }

    private void closeInboxes() {
        for (Inbox inbox : inboxes) {
            if (inbox != null) {
                inbox.close();
            }
        }
    }

    /**
     * @param participant the receiver's index
     * @return its inbox
     * @throws IllegalArgumentException if the index is out of range
     */
    Inbox inbox(int participant) {
        checkParticipant(participant);
        return inboxes[participant];
    }

    /** @return the participant's name, for messages */
    String name(int participant) {
        return participants.get(participant);
    }

    int maxFrameSize() {
        return maxFrameSize;
    }

    Duration sendTimeout() {
        return sendTimeout;
    }

    private void checkParticipant(int participant) {
        if (participant < 0 || participant >= inboxes.length) {
            throw new IllegalArgumentException("Participant index " + participant + " is out of range: the run has "
                    + inboxes.length + " participants, indices 0 to " + (inboxes.length - 1));
        }
    }
}
