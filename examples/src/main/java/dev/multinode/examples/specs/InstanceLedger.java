package dev.multinode.examples.specs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A witness's account of a singleton's instances, from the events they report ({@code started@<host>},
 * {@code stopped@<host>}) and the deaths the witness caused: it fails as soon as an instance starts
 * while another one runs.
 */
final class InstanceLedger {

    private static final String STARTED = "started@";
    private static final String STOPPED = "stopped@";

    private final Set<String> running = new LinkedHashSet<>();
    private final List<String> history = new ArrayList<>();
    private int starts;

    /**
     * Records an event an instance reported.
     *
     * @param event {@code started@<host>} or {@code stopped@<host>}
     * @throws AssertionError if an instance starts while another runs, or the event is not one of these
     */
    void record(String event) {
        history.add(event);
        if (event.startsWith(STARTED)) {
            String host = event.substring(STARTED.length());
            if (!running.isEmpty()) {
                throw new AssertionError("two instances at once: " + host + " started while " + running
                        + " ran; events so far " + history);
            }
            running.add(host);
            starts++;
        } else if (event.startsWith(STOPPED)) {
            running.remove(event.substring(STOPPED.length()));
        } else {
            throw new AssertionError("unexpected event '" + event + "', expected " + STARTED + "<host> or "
                    + STOPPED + "<host>; events so far " + history);
        }
    }

    /**
     * Records that a host died (a kill returned): its instance, if any, runs no more.
     *
     * @param host the dead host
     */
    void died(String host) {
        history.add("died@" + host);
        running.remove(host);
    }

    /** @return the hosts whose instance runs, as far as the events tell */
    Set<String> running() {
        return Set.copyOf(running);
    }

    /** @return how many instances started */
    int starts() {
        return starts;
    }

    /** @return every event in the order recorded */
    List<String> history() {
        return List.copyOf(history);
    }
}
