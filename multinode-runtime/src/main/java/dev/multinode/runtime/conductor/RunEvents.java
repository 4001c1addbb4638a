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
     * @param role the node concerned, or null for the run
     * @param text what happened
     */
    public record Event(Instant at, String role, String text) {
    }

    private final List<Event> events = new ArrayList<>();

    /**
     * @param role the node concerned, or null
     * @param text what happened
     */
    public synchronized void record(String role, String text) {
        events.add(new Event(Instant.now(), role, text));
    }

    /** @return a copy of the events so far, in order */
    public synchronized List<Event> snapshot() {
        return List.copyOf(events);
    }
}
