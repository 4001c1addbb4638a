package dev.multinode.runtime.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared directory at the conductor: lookups that wait, time out or are refused; exchanges, barrier-like. */
class ConductorDirectoryTest {

    @Test
    void aLookupWaitsForThePublishAndALaterOneIsAnsweredAtOnce() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b").allUp();
        run.lookup("node-b", "node-a", "cluster-id", 1_000);
        assertEquals(List.of(), run.lookupAnswersTo("node-b"));

        run.advance(Duration.ofMillis(400));
        run.publish("node-a", "cluster-id", "c-42");
        assertEquals(List.of("c-42"), run.lookupAnswersTo("node-b"));

        run.publish("node-a", "cluster-id", "c-43");
        run.lookup("node-b", "node-a", "cluster-id", 1_000);
        run.advance(Duration.ofSeconds(2));
        assertEquals(List.of("c-42", "c-43"), run.lookupAnswersTo("node-b"), "replaced, and no late refusal");
    }

    @Test
    void aLookupTimesOutOnTheConductorsClockWithARefusalNamingRoleKeyAndWhatThereIs() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b").allUp();
        run.publish("node-a", "seed", "x");
        run.lookup("node-b", "node-a", "cluster-id", 500);
        run.advance(Duration.ofMillis(499));
        assertEquals(List.of(), run.lookupAnswersTo("node-b"));

        run.advance(Duration.ofMillis(1));
        assertEquals(List.of("refused: lookup(node-a, cluster-id) timed out after 500 ms: node-a published only [seed]"),
                run.lookupAnswersTo("node-b"));
    }

    @Test
    void aLookupOfAnUnknownRoleIsRefusedAtOnceNamingTheRoles() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b").allUp();
        run.lookup("node-b", "node-z", "seed", 500);
        assertEquals(List.of("refused: lookup(node-z, seed): no node has role 'node-z'; the roles are [node-a, node-b]"),
                run.lookupAnswersTo("node-b"));
    }

    @Test
    void anExchangeCompletesWhenEveryLiveNodeGaveAndAnswersInRoleOrder() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();
        run.exchange("node-c", "seeds", "c:3", 5_000);
        run.exchange("node-a", "seeds", "a:1", 5_000);
        assertEquals(List.of(), run.exchangeResultsTo("node-a"));

        run.exchange("node-b", "seeds", "b:2", 5_000);
        for (String role : List.of("node-a", "node-b", "node-c")) {
            assertEquals(List.of("{node-a=a:1, node-b=b:2, node-c=c:3}"), run.exchangeResultsTo(role), role);
        }
    }

    @Test
    void aKilledNodeLeavesTheExchangeAndItsValueDoesNotCount() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();
        run.exchange("node-c", "seeds", "c:3", 5_000);
        run.exchange("node-a", "seeds", "a:1", 5_000);
        run.kill("node-b", "node-c");
        assertEquals(List.of(), run.exchangeResultsTo("node-a"), "node-b has not given yet");

        run.exchange("node-b", "seeds", "b:2", 5_000);
        assertEquals(List.of("{node-a=a:1, node-b=b:2}"), run.exchangeResultsTo("node-a"));
        assertEquals(List.of(), run.exchangeResultsTo("node-c"));
    }

    @Test
    void aNodeThatFinishesWithoutGivingFailsTheExchangeForEveryWaiter() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();
        run.exchange("node-a", "seeds", "a:1", 5_000);
        run.passed("node-c");
        assertEquals(List.of("refused: exchange(seeds) failed: node-c finished its body without giving a value;"
                + " given by [node-a]"), run.exchangeResultsTo("node-a"));

        run.exchange("node-b", "seeds", "b:2", 5_000);
        assertThat(run.exchangeResultsTo("node-b")).singleElement().asString().startsWith("refused: exchange(seeds) failed");
    }

    @Test
    void anExchangeTimesOutAfterTheFirstArrivalsTimeoutNamingWhoIsMissing() {
        ConductorDriver run = new ConductorDriver("node-a", "node-b").allUp();
        run.exchange("node-a", "seeds", "a:1", 1_000);
        run.advance(Duration.ofMillis(999));
        assertEquals(List.of(), run.exchangeResultsTo("node-a"));

        run.advance(Duration.ofMillis(1));
        assertEquals(List.of("refused: exchange(seeds) timed out after 1000 ms: given by [node-a],"
                + " missing [node-b (running its body before the first barrier)]"), run.exchangeResultsTo("node-a"));
    }
}
