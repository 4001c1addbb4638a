package dev.multinode.selftest.debug;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;

/**
 * A test JVM of its own for the thread-mode case: a debugger that suspends it suspends the
 * conductor too, which a test cannot do to the JVM it runs in. Exits 0 if the run passed.
 */
public final class ThreadModeDebugMain {

    private ThreadModeDebugMain() {
    }

    /** @param args none; {@code multinode.debug} comes as a system property */
    public static void main(String[] args) {
        try {
            MultiNode.spec("node-a", "node-b").transport("inproc").launch(LaunchMode.THREAD)
                    .barrierTimeout(HeldAtBreakpoint.BARRIER_TIMEOUT).run(HeldAtBreakpoint.body());
        } catch (RuntimeException | AssertionError failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
