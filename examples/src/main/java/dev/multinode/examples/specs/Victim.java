package dev.multinode.examples.specs;

import dev.multinode.Node;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What a node does while another node kills it. */
final class Victim {

    /** Far longer than any kill takes; only reached if the kill never comes. */
    private static final Duration KILL_EXPECTED_WITHIN = Duration.ofSeconds(30);

    private Victim() {
    }

    /**
     * Waits, idle, until the kill ends this node (an interrupt in thread mode, SIGKILL in process
     * mode). Idle rather than in the next barrier: a SIGKILL that lands while the victim appends a
     * barrier frame to the conductor's Chronicle queue leaves that queue's cross-process write lock
     * held, and stalls every other writer until Chronicle breaks the lock some 15 s later.
     *
     * @param node the victim
     * @throws InterruptedException when killed in thread mode
     * @throws AssertionError if the kill does not come in time
     */
    static void awaitKill(Node node) throws InterruptedException {
        if (!new CountDownLatch(1).await(KILL_EXPECTED_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(node.role() + " should have been killed but was still alive after "
                    + KILL_EXPECTED_WITHIN.toSeconds() + " s");
        }
    }
}
