package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.membership.ClusterView;
import org.slf4j.Logger;

/**
 * Runs one singleton on this node exactly while {@link SingletonLocation#runsOn} holds (and, for user
 * singletons, while this node's lease is valid). Fed every view change, on the cluster scheduler.
 */
public final class SingletonManager {

    private final String name;
    private final String self;
    private final SingletonLifecycle lifecycle;
    private final Logger log;
    private boolean running;

    /**
     * @param name      the singleton's name, for the log
     * @param self      this node's role
     * @param lifecycle starts and stops the instance
     * @param log       this node's logger
     */
    public SingletonManager(String name, String self, SingletonLifecycle lifecycle, Logger log) {
        this.name = name;
        this.self = self;
        this.lifecycle = lifecycle;
        this.log = log;
    }

    /**
     * Starts or stops the instance to match the view.
     *
     * @param view this node's current view
     */
    public void onView(ClusterView view) {
        onView(view, true);
    }

    /**
     * Starts or stops the instance to match the view and this node's lease.
     *
     * @param view   this node's current view
     * @param mayRun whether this node holds what else the instance needs to run (its lease)
     */
    public void onView(ClusterView view, boolean mayRun) {
        boolean shouldRun = mayRun && SingletonLocation.runsOn(view, self);
        if (shouldRun && !running) {
            try {
                lifecycle.start();
                running = true;
                log.info("singleton {} started on {}", name, self);
            } catch (RuntimeException e) {
                log.error("singleton {} failed to start on {}", name, self, e);
            }
        } else if (!shouldRun && running) {
            stop();
        }
    }

    /** @return whether the instance runs here */
    public boolean isRunning() {
        return running;
    }

    /** Stops the instance if it runs here. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            lifecycle.stop();
        } catch (RuntimeException e) {
            log.warn("singleton {} failed to stop cleanly on {}", name, self, e);
        }
        log.info("singleton {} stopped on {}", name, self);
    }
}
