package dev.multinode.transport.tcp;

import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conductor's directory: it records where each node listens, learnt from the handshake of the
 * node's connection to the conductor, and streams every new or changed address to every
 * registered node. Runs on the control thread only.
 */
final class DirectoryPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPublisher.class);

    private final TcpEndpoint conductor;
    private final AddressBook book;
    private final DirectorySubscriber[] subscribers;

    /**
     * @param conductor the conductor's endpoint
     * @param book      its address book, which this publisher fills in
     */
    DirectoryPublisher(TcpEndpoint conductor, AddressBook book) {
        this.conductor = conductor;
        this.book = book;
        this.subscribers = new DirectorySubscriber[conductor.participants()];
    }

    /**
     * Registers a node that connected to the conductor: its address goes into the book and to the
     * other nodes, and the node receives the conductor's handshake and the whole book.
     *
     * @param node    the node's participant index
     * @param address where the node listens
     * @param channel the node's connection to the conductor
     * @param key     that connection's key with the control selector, which this publisher takes over
     */
    void register(int node, InetSocketAddress address, SocketChannel channel, SelectionKey key) {
        DirectorySubscriber subscriber = new DirectorySubscriber(this, node, channel, key);
        key.attach(subscriber);
        subscribers[node] = subscriber;
        subscriber.enqueueHandshake(conductor.digest(), conductor.port());
        boolean changed = book.put(node, address);
        for (int participant = 1; participant < subscribers.length; participant++) {
            InetSocketAddress known = book.get(participant);
            if (known != null) {
                subscriber.enqueue(new DirectoryEntry(participant, known));
            }
        }
        subscriber.flush();
        if (changed) {
            LOG.debug("Participant '{}' listens at {}", conductor.name(node), address);
            DirectoryEntry entry = new DirectoryEntry(node, book.get(node));
            for (DirectorySubscriber other : subscribers) {
                if (other != null && other != subscriber) {
                    other.enqueue(entry);
                    other.flush();
                }
            }
        }
    }

    /**
     * Stops publishing to a node whose connection failed.
     *
     * @param subscriber the node's subscription
     * @param cause      why
     */
    void drop(DirectorySubscriber subscriber, Exception cause) {
        if (subscribers[subscriber.node()] == subscriber) {
            subscribers[subscriber.node()] = null;
        }
        LOG.debug("The conductor stopped publishing addresses to participant '{}': {}",
                conductor.name(subscriber.node()), cause.toString());
    }
}
