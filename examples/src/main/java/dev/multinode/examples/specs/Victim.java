package dev.multinode.examples.specs;

import dev.multinode.Await;
import dev.multinode.Node;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** What a node does while another node kills it. */
final class Victim {

    /** Far longer than any kill takes; only reached if the kill never comes. */
    private static final Duration KILL_EXPECTED_WITHIN = Duration.ofSeconds(30);

    private Victim() {
    }

    /**
     * Waits, idle, until the kill ends this node (an interrupt in thread mode, SIGKILL in process
     * mode). Idle rather than in the next barrier, so that the kill never lands in the middle of a
     * send: over Chronicle, a process killed while it appends to a queue leaves that queue's write
     * lock held, and every other writer to it waits about a second until Chronicle breaks it. The
     * specs measure failover, not that second.
     *
     * @param node the victim
     * @throws InterruptedException when killed in thread mode
     * @throws AssertionError if the kill does not come in time
     */
    static void awaitKill(Node node) throws InterruptedException {
        try {
            // a result that never comes, waited for through the node so that a simulated victim parks
            Await.result(new CompletableFuture<Void>(), KILL_EXPECTED_WITHIN);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError(node.role() + " should have been killed but was still alive after "
                    + KILL_EXPECTED_WITHIN.toSeconds() + " s");
        }
    }
}
