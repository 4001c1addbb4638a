package dev.multinode.transport.sim;

import dev.multinode.spi.Scheduler;

/**
 * A thread of a simulated run. It runs only while it holds control, which its
 * {@link SimScheduler} hands it and it gives back when it parks or ends; between those moments it
 * is the only thread of the run that runs.
 */
final class SimThread extends Thread {

    /** Where the thread is in the schedule. */
    enum State {
        /** Started, or woken: the scheduler may choose it. */
        RUNNABLE,
        /** Holds control. */
        RUNNING,
        /** Waits for an unpark or its deadline. */
        PARKED,
        /** Its task returned or threw. */
        ENDED
    }

    private final SimScheduler scheduler;
    private final Runnable task;
    /** Its place in the order threads were started: the schedule's name for it, the same in every replay. */
    int index = -1;
    State state = State.RUNNABLE;
    /** An unpark that came while it did not park: its next park returns at once. */
    boolean permit;
    long deadline;
    /** Whether control is its: written by the scheduler and by this thread, read by both. */
    volatile boolean holdsControl;

    SimThread(SimScheduler scheduler, ThreadGroup group, Runnable task, String name) {
        super(group, name);
        this.scheduler = scheduler;
        this.task = task;
        setDaemon(true);
    }

    SimScheduler scheduler() {
        return scheduler;
    }

    @Override
    public synchronized void start() {
        scheduler.register(this);
        super.start();
    }

    @Override
    public void run() {
        scheduler.awaitControl(this);
        Scheduler.bindCurrentThread(scheduler);
        try {
            task.run();
        } finally {
            Scheduler.bindCurrentThread(null);
            scheduler.ended(this);
        }
    }
}
