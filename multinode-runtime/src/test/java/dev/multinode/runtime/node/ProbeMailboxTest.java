package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.ProbeRef;
import dev.multinode.RunAbortedException;
import dev.multinode.runtime.testing.VirtualScheduler;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A probe's waits: a delivery wakes them, and their timeouts pass on the scheduler's clock (in
 * virtual time here, where a wait on any other clock would never end).
 */
@Timeout(30)
class ProbeMailboxTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final VirtualScheduler virtual = new VirtualScheduler();

    @Test
    void aDeliveryWakesAWaitingExpectMessage() {
        ProbeMailbox mailbox = mailbox(Scheduler.system());

        CompletableFuture<String> received = Waiting.parkedIn(() -> mailbox.expectMessage(String.class, LONG));
        mailbox.deliver("hello");

        assertThat(received).succeedsWithin(WITHIN).isEqualTo("hello");
    }

    @Test
    void anAbortEndsAWaitingExpectMessage() {
        NodeControl control = control(Scheduler.system());
        ProbeMailbox mailbox = new ProbeMailbox(new ProbeRef("node-a", "inbox"), control, Scheduler.system());

        CompletableFuture<Object> received = Waiting.parkedIn(() -> {
            control.bodyThread(Thread.currentThread());
            return mailbox.expectMessage(String.class, LONG);
        });
        control.abort("node-b failed: boom");

        assertThat(received).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(RunAbortedException.class)
                .withMessage("Run aborted while probe inbox@node-a was waiting on node-a: node-b failed: boom");
    }

    @Test
    void expectMessageTimesOutOnTheSchedulersClock() {
        ProbeMailbox mailbox = mailbox(virtual);

        assertThatThrownBy(() -> mailbox.expectMessage(String.class, Duration.ofHours(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Probe inbox@node-a expected a String within 3600000 ms but received nothing");
        assertThat(virtual.parks()).containsExactly(Duration.ofHours(1));
    }

    @Test
    void aMessageThatArrivesWhileExpectMessageWaitsIsCheckedAgainstTheExpected() {
        ProbeMailbox mailbox = mailbox(virtual);
        virtual.atNextParks(() -> mailbox.deliver(42));

        assertThatThrownBy(() -> mailbox.expectMessage("hello", LONG)).isInstanceOf(AssertionError.class)
                .hasMessage("Probe inbox@node-a expected hello (String) but received 42 (Integer)");
    }

    @Test
    void expectNoMessageWatchesForTheWholeDurationAndNamesAMessageThatArrives() {
        ProbeMailbox mailbox = mailbox(virtual);

        mailbox.expectNoMessage(Duration.ofMinutes(1));
        virtual.atNextParks(() -> mailbox.deliver(new byte[3]));

        assertThatThrownBy(() -> mailbox.expectNoMessage(Duration.ofMinutes(1))).isInstanceOf(AssertionError.class)
                .hasMessage("Probe inbox@node-a expected no message for 60000 ms but received byte[3]");
        assertThat(virtual.parks()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    void receiveNWaitsForAllWithinOneTimeoutAndListsWhatCameIfTooFew() {
        ProbeMailbox mailbox = mailbox(virtual);
        mailbox.deliver(null);
        virtual.atNextParks(() -> {
            virtual.advance(Duration.ofSeconds(20));
            mailbox.deliver("second");
        });

        assertThatThrownBy(() -> mailbox.receiveN(3, LONG)).isInstanceOf(AssertionError.class)
                .hasMessage("Probe inbox@node-a expected 3 messages within 30000 ms but received 2: [null, second]");
        assertThat(virtual.parks()).containsExactly(LONG, Duration.ofSeconds(10));
    }

    @Test
    void receiveNReturnsTheMessagesInArrivalOrder() {
        ProbeMailbox mailbox = mailbox(virtual);
        virtual.atNextParks(() -> mailbox.deliver("third"));
        mailbox.deliver("first");
        mailbox.deliver(null);

        assertThat(mailbox.receiveN(3, LONG)).isEqualTo(Arrays.asList("first", null, "third"));
    }

    private static ProbeMailbox mailbox(Scheduler scheduler) {
        return new ProbeMailbox(new ProbeRef("node-a", "inbox"), control(scheduler), scheduler);
    }

    private static NodeControl control(Scheduler scheduler) {
        return new NodeControl("node-a", LoggerFactory.getLogger(ProbeMailboxTest.class), scheduler);
    }
}
