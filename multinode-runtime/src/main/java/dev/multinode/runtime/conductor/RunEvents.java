package dev.multinode.runtime.conductor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The conductor's timeline of a run: lifecycle, barriers, faults, deaths. Thread-safe. */
public final class RunEvents {

    /**
     * One event.
     *
     * @param at   when
     * @param kind what it is about
     * @param role the node concerned, or null for the run
     * @param text what happened, in words
     */
    public record Event(Instant at, EventKind kind, String role, String text) {
    }

    private final ConductorClock clock;
    private final List<Event> events = new ArrayList<>();

    /** @param clock what dates the events */
    RunEvents(ConductorClock clock) {
        this.clock = clock;
    }

    /**
     * @param kind what the event is about
     * @param role the node concerned, or null
     * @param text what happened
     */
    synchronized void record(EventKind kind, String role, String text) {
        events.add(new Event(clock.now(), kind, role, text));
    }

    /** @return a copy of the events so far, in order */
    public synchronized List<Event> snapshot() {
        return List.copyOf(events);
    }
}
