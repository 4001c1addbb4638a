package dev.multinode.selftest.debug;

import dev.multinode.NodeBody;
import java.time.Duration;

/**
 * The scenario of both launch modes: node-b stops at {@link BreakpointSpot#reached} while node-a
 * waits for it at a barrier; node-a then checks that it waited more than twice the barrier timeout,
 * so a run that passes proves the barrier outlived its timeout, not that the debugger missed.
 */
final class HeldAtBreakpoint {

    /**
     * The spec's barrier timeout. The time counts while node-b runs, and up to 300 ms into each of
     * its two suspensions (the breakpoint's class being prepared, the breakpoint): 2 s leaves a
     * loaded machine room for that.
     */
    static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(2);
    /** How long the debugger holds node-b at the breakpoint. */
    static final Duration HOLD = BARRIER_TIMEOUT.multipliedBy(3);

    /** How long node-b works on after the breakpoint before it enters the barrier node-a waits at. */
    static final Duration AFTER_THE_BREAKPOINT = Duration.ofMillis(100);

    private HeldAtBreakpoint() {
    }

    /** @return the body: a static method's lambda, so that it captures nothing */
    static NodeBody body() {
        return node -> {
            node.enterBarrier("debugger-attached");
            node.runOn("node-b", () -> {
                BreakpointSpot.reached();
                // node-b goes on working after the breakpoint, as the code one steps through does; meanwhile the
                // conductor runs again (in thread mode it was suspended too) and sees the time the JVM stood still
                Thread.sleep(AFTER_THE_BREAKPOINT.toMillis());
            });
            long entered = System.nanoTime();
            node.enterBarrier("past-the-breakpoint"); // node-a waits here while node-b is held
            Duration waited = Duration.ofNanos(System.nanoTime() - entered);
            node.runOn("node-a", () -> {
                if (waited.compareTo(BARRIER_TIMEOUT.multipliedBy(2)) < 0) {
                    throw new AssertionError("node-a waited only " + waited.toMillis()
                            + " ms at the barrier: the breakpoint did not hold node-b long enough to prove anything");
                }
            });
        };
    }
}
