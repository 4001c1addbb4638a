package dev.multinode.examples.cluster.net;

import java.time.Duration;

/** One node's {@link ClusterScheduler} in a {@link VirtualWorld}: tasks run when the test advances time. */
public final class VirtualScheduler implements ClusterScheduler {

    private final VirtualWorld world;
    private final VirtualNetwork network;
    private boolean shutDown;

    VirtualScheduler(VirtualWorld world, VirtualNetwork network) {
        this.world = world;
        this.network = network;
    }

    @Override
    public long nanoTime() {
        return world.now();
    }

    @Override
    public void execute(Runnable task) {
        if (!shutDown) {
            world.enqueue(network, world.now(), task, false);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(task, 0);
        world.enqueue(network, world.now() + delay.toNanos(), timer, false);
        return timer;
    }

    @Override
    public Cancellable scheduleRepeatedly(Duration period, Runnable task) {
        Timer timer = new Timer(task, period.toNanos());
        world.enqueue(network, world.now() + period.toNanos(), timer, false);
        return timer;
    }

    @Override
    public void shutdown(Runnable lastTask) {
        shutDown = true;
        world.enqueue(network, world.now(), lastTask, true);
    }

    /** @return whether {@link #shutdown} was called */
    public boolean isShutDown() {
        return shutDown;
    }

    private final class Timer implements Runnable, Cancellable {

        private final Runnable task;
        private final long periodNanos;
        private boolean cancelled;

        Timer(Runnable task, long periodNanos) {
            this.task = task;
            this.periodNanos = periodNanos;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            task.run();
            if (periodNanos > 0 && !cancelled) {
                world.enqueue(network, world.now() + periodNanos, this, false);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
