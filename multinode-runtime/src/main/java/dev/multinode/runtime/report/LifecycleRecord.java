package dev.multinode.runtime.report;

import dev.multinode.runtime.conductor.EventKind;
import dev.multinode.runtime.conductor.RunEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's life in a run as the conductor's events tell it: its restarts and the time it was down
 * for them, its pauses, its clock changes, and when its last incarnation ended. The timeline and
 * {@code result.json} both read it, so the events are interpreted in one place.
 *
 * @param restarts     the new incarnations that came up, in order
 * @param downtimes    from each kill for a restart to its new incarnation's start, in order; the
 *                     i-th ends at the i-th restart, and the last one is open if the node never came back
 * @param pauses       from each pause to its resume, in order; the last one is open if the node was
 *                     still paused when the run ended
 * @param clockChanges the skews and drifts of the node's clock, in order
 * @param end          when the last incarnation's body ended, or it was removed or died for good;
 *                     null if it ran to the run's end or was down for a restart then
 */
record LifecycleRecord(List<Restart> restarts, List<Interval> downtimes, List<Interval> pauses,
                     List<ClockChange> clockChanges, Instant end) {


    /**
     * A new incarnation up.
     *
     * @param at          when
     * @param incarnation its number: 1 for the first restart
     */
    record Restart(Instant at, int incarnation) {
    }

    /**
     * A stretch of time.
     *
     * @param from when it began
     * @param to   when it ended, or null if it lasted to the run's end
     */
    record Interval(Instant from, Instant to) {
    }

    /**
     * A change of the node's clock.
     *
     * @param at   when it came into force
     * @param text what changed, in the conductor's words
     */
    record ClockChange(Instant at, String text) {
    }

    /** Copies the lists. */
    LifecycleRecord {
        restarts = List.copyOf(restarts);
        downtimes = List.copyOf(downtimes);
        pauses = List.copyOf(pauses);
        clockChanges = List.copyOf(clockChanges);
    }

    /**
     * @param events a run's events, in order
     * @param role   a role
     * @return that role's life
     */
    static LifecycleRecord of(List<RunEvents.Event> events, String role) {
        List<Restart> restarts = new ArrayList<>();
        List<Interval> downtimes = new ArrayList<>();
        List<Interval> pauses = new ArrayList<>();
        List<ClockChange> clockChanges = new ArrayList<>();
        Instant downSince = null;
        Instant pausedSince = null;
        Instant end = null;
        for (RunEvents.Event event : events) {
            if (!role.equals(event.role())) {
                continue;
            }
            boolean stops = false;
            switch (event.kind()) {
                case REMOVED -> stops = true;
                case DOWN -> {
                    stops = true;
                    downSince = event.at();
                }
                case RESTARTED -> {
                    // a start without the kill before it is drawn as no down time at all
                    downtimes.add(new Interval(downSince == null ? event.at() : downSince, event.at()));
                    restarts.add(new Restart(event.at(), restarts.size() + 1));
                    downSince = null;
                    end = null;
                }
                case PAUSED -> pausedSince = pausedSince == null ? event.at() : pausedSince;
                case RESUMED -> {
                    if (pausedSince != null) {
                        pauses.add(new Interval(pausedSince, event.at()));
                        pausedSince = null;
                    }
                }
                case CLOCK -> clockChanges.add(new ClockChange(event.at(), RunRecord.firstLine(event.text())));
                case PASSED, FAILED, CANCELLED, DIED -> stops = true;
                default -> {
                    // not about the node's life
                }
            }
            if (stops && pausedSince != null) { // a node that stops is no longer paused
                pauses.add(new Interval(pausedSince, event.at()));
                pausedSince = null;
            }
            // while down for a restart, what the killed incarnation still reports ends nothing
            if (stops && downSince == null && end == null) {
                end = event.at();
            }
        }
        if (downSince != null) {
            downtimes.add(new Interval(downSince, null));
        }
        if (pausedSince != null) {
            pauses.add(new Interval(pausedSince, null));
        }
        return new LifecycleRecord(restarts, downtimes, pauses, clockChanges, end);
    }

    /** @return how often the node started: 1 if it was never restarted */
    int incarnations() {
        return 1 + restarts.size();
    }
}
