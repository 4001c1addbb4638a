package dev.multinode.transport.tcp;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where each participant listens, as one endpoint knows it. The control thread fills it in (from
 * handshakes at the conductor, from the conductor's directory at a node); senders read it, and
 * wait on it for a participant that has not joined yet.
 */
final class AddressBook {

    private final AtomicReferenceArray<InetSocketAddress> entries;
    private final Object changes = new Object();
    private volatile boolean closed;

    /** @param participants how many participants the run has */
    AddressBook(int participants) {
        entries = new AtomicReferenceArray<>(participants);
    }

    /**
     * @param participant a participant index
     * @return its address, or null while unknown
     */
    InetSocketAddress get(int participant) {
        return entries.get(participant);
    }

    /**
     * Records an address and wakes the senders waiting for it. An equal address leaves the entry's
     * instance in place, so that senders may compare entries by reference. Only the control thread
     * writes once the endpoint is open, so reading and then writing needs no atomic update.
     *
     * @param participant a participant index
     * @param address     where it listens
     * @return whether the entry changed
     */
    boolean put(int participant, InetSocketAddress address) {
        if (address.equals(entries.get(participant))) {
            return false;
        }
        entries.set(participant, address);
        synchronized (changes) {
            changes.notifyAll();
        }
        return true;
    }

    /**
     * Waits until a participant's address is known.
     *
     * @param participant  a participant index
     * @param timeoutNanos how long to wait
     * @return its address, or null if it stayed unknown for {@code timeoutNanos} or the book closed
     * @throws InterruptedException if the thread is interrupted meanwhile
     */
    InetSocketAddress await(int participant, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (changes) {
            InetSocketAddress address;
            while ((address = entries.get(participant)) == null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                changes.wait(Math.max(1, left / 1_000_000L));
            }
            return address;
        }
    }

    /** Wakes every waiting sender for good; used when the endpoint closes. */
    void close() {
        closed = true;
        synchronized (changes) {
            changes.notifyAll();
        }
    }
}
