package dev.multinode.spi;

/** Holds which scheduler made the calling thread, for {@link Scheduler#current()}. */
final class SchedulerBinding {

    static final ThreadLocal<Scheduler> CURRENT = new ThreadLocal<>();

    private SchedulerBinding() {
    }
}
