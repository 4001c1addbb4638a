package dev.multinode.transport.sim;

import dev.multinode.spi.ScheduleTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a simulated run did, in order: each step (which thread got control, at which virtual time)
 * and each event (a frame's arrival, from whom to whom). Two runs with the same seed must leave the
 * same trace; {@link #firstDifference} names where two traces part, which tells what the system
 * under test took from outside the simulation. Entries are kept as longs, two per entry, so a long
 * run costs little.
 */
final class SimTrace implements ScheduleTrace {

    private static final long STEP = 1L << 62;
    private static final long EVENT = 2L << 62;
    private static final long DELIVERY = 3L << 62;
    private static final long KIND = 3L << 62;
    /** How many entries before a difference it shows. */
    private static final int CONTEXT = 6;

    private final List<String> threadNames = new ArrayList<>();
    private long[] entries = new long[1024];
    private int length;
    private long steps;
    private long virtualNanos;
    private long hash = 0xcbf29ce484222325L;

    void started(int index, String name) {
        threadNames.add(name);
    }

    void step(int thread, long virtualNanos) {
        steps++;
        this.virtualNanos = virtualNanos;
        add(STEP | thread, virtualNanos);
    }

    void event(long sequence, long virtualNanos) {
        add(EVENT | sequence, virtualNanos);
    }

    /**
     * @param from   the sender
     * @param to     the receiver
     * @param type   the frame's type
     * @param length the payload's length
     */
    void delivery(int from, int to, int type, int length) {
        add(DELIVERY | ((long) from << 40) | ((long) to << 16) | ((long) type << 8), length);
    }

    /** Synchronized for the threads that run free once a simulation cannot go on; uncontended before. */
    private synchronized void add(long what, long value) {
        if (length + 2 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[length++] = what;
        entries[length++] = value;
        hash = mix(mix(hash, what), value);
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public long virtualNanos() {
        return virtualNanos;
    }

    @Override
    public long hash() {
        return hash;
    }

    @Override
    public String firstDifference(ScheduleTrace trace) {
        if (!(trace instanceof SimTrace other)) {
            throw new IllegalArgumentException("A simulation's trace compares with another simulation's only, not " + trace);
        }
        int shared = Math.min(length, other.length);
        for (int i = 0; i < shared; i += 2) {
            if (entries[i] != other.entries[i] || entries[i + 1] != other.entries[i + 1]) {
                return "entry " + (i / 2) + ": the first run " + describe(i) + ", the second " + other.describe(i)
                        + context(i);
            }
        }
        if (length != other.length) {
            SimTrace longer = length > other.length ? this : other;
            return "entry " + (shared / 2) + ": " + (longer == this ? "the first" : "the second") + " run goes on and "
                    + longer.describe(shared) + ", the other had ended";
        }
        return null;
    }

    /** What both runs did just before they parted, which usually names the thread that went astray. */
    private String context(int parted) {
        StringBuilder before = new StringBuilder();
        for (int i = Math.max(0, parted - 2 * CONTEXT); i < parted; i += 2) {
            before.append("\n  entry ").append(i / 2).append(": ").append(describe(i));
        }
        return before.length() == 0 ? "" : "; before that, both runs:" + before;
    }

    private String describe(int i) {
        long what = entries[i];
        long value = entries[i + 1];
        long kind = what & KIND;
        if (kind == STEP) {
            int thread = (int) (what & ~KIND);
            return "ran " + (thread < threadNames.size() ? threadNames.get(thread) : "thread #" + thread) + " at "
                    + Duration.ofNanos(value);
        }
        if (kind == EVENT) {
            return "fired event #" + (what & ~KIND) + " at " + Duration.ofNanos(value);
        }
        long body = what & ~KIND;
        return "delivered a frame of type " + ((body >>> 8) & 0xff) + " from participant " + (body >>> 40) + " to "
                + ((body >>> 16) & 0xffffff) + " (" + value + " bytes)";
    }
}
