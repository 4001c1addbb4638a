package dev.multinode.examples.specs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A witness's account of a singleton's instances, from the events they report ({@code started@<host>},
 * {@code acted@<host>} each time one handles a message, {@code stopped@<host>}) and from what the
 * witness did to their hosts ({@link #died}, {@link #paused}, {@link #resumed}). It fails at the
 * first event that shows two instances at once.
 *
 * <p>"Two instances never at once" means that instances act one at a time. In the order the witness
 * hears the events:
 * <ul>
 *   <li>an instance starts only while every other instance has stopped, has died, or is frozen (its
 *       host paused): a frozen instance cannot act, so a successor may start beside it;</li>
 *   <li>a frozen instance that a successor started beside is <em>superseded</em>: it must never act
 *       again, only report that it stopped. The spec resumes its host only after the witness heard
 *       the successor start, so an act the superseded instance reports happened while its successor
 *       ran;</li>
 *   <li>an instance acts only between its start and its stop.</li>
 * </ul>
 */
final class InstanceLedger {

    private static final String STARTED = "started@";
    private static final String ACTED = "acted@";
    private static final String STOPPED = "stopped@";

    private final Set<String> running = new LinkedHashSet<>();
    private final Set<String> frozen = new HashSet<>();
    private final Set<String> superseded = new HashSet<>();
    private final List<String> history = new ArrayList<>();
    private int starts;

    /**
     * Records an event an instance reported.
     *
     * @param event {@code started@<host>}, {@code acted@<host>} or {@code stopped@<host>}
     * @throws AssertionError if the event shows two instances at once, or is none of these
     */
    void record(String event) {
        history.add(event);
        if (event.startsWith(STARTED)) {
            start(event.substring(STARTED.length()));
        } else if (event.startsWith(ACTED)) {
            act(event.substring(ACTED.length()));
        } else if (event.startsWith(STOPPED)) {
            end(event.substring(STOPPED.length()));
        } else {
            throw new AssertionError("unexpected event '" + event + "', expected " + STARTED + "<host>, " + ACTED
                    + "<host> or " + STOPPED + "<host>; events so far " + history);
        }
    }

    /**
     * Records that a host died (a kill returned): its instance, if any, runs no more.
     *
     * @param host the dead host
     */
    void died(String host) {
        history.add("died@" + host);
        end(host);
    }

    /**
     * Records that a host is frozen (a pause returned): its instance, if any, cannot act until
     * {@link #resumed}.
     *
     * @param host the paused host
     */
    void paused(String host) {
        history.add("paused@" + host);
        frozen.add(host);
    }

    /**
     * Records that a frozen host runs again (a resume returned).
     *
     * @param host the resumed host
     */
    void resumed(String host) {
        history.add("resumed@" + host);
        frozen.remove(host);
    }

    /** @return the hosts whose instance runs and is not superseded, as far as the events tell */
    Set<String> running() {
        Set<String> live = new LinkedHashSet<>(running);
        live.removeAll(superseded);
        return Set.copyOf(live);
    }

    /** @return how many instances started */
    int starts() {
        return starts;
    }

    /** @return every event in the order recorded */
    List<String> history() {
        return List.copyOf(history);
    }

    private void start(String host) {
        Set<String> active = new HashSet<>(running);
        active.removeAll(superseded);
        active.removeAll(frozen);
        if (!active.isEmpty() || running.contains(host)) {
            throw new AssertionError("two instances at once: " + host + " started while " + running
                    + " ran; events so far " + history);
        }
        superseded.addAll(running);
        running.add(host);
        starts++;
    }

    private void act(String host) {
        if (superseded.contains(host)) {
            throw new AssertionError("two instances at once: the instance on " + host + " acted after another "
                    + "started beside it while it was frozen; events so far " + history);
        }
        if (!running.contains(host)) {
            throw new AssertionError("an instance acted on " + host + ", where none runs; events so far " + history);
        }
    }

    private void end(String host) {
        running.remove(host);
        superseded.remove(host);
    }
}
