package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.RunAbortedException;
import dev.multinode.runtime.testing.VirtualScheduler;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** A request's wait for the conductor's answer: the answer wakes it, the bound and an abort end it. */
@Timeout(30)
class PendingAnswersTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void theAnswerWakesTheWaitingThread() {
        PendingAnswers<Long, String> answers = answers(control(Scheduler.system()), Scheduler.system());
        CompletableFuture<String> answer = answers.expect(7L);

        CompletableFuture<String> awaited = Waiting.parkedIn(
                () -> answers.await(7L, answer, BOUND, "while asking", () -> "late"));
        answers.answered(7L, "the answer");

        assertThat(awaited).succeedsWithin(WITHIN).isEqualTo("the answer");
    }

    @Test
    void anAnswerThatCameBeforeTheWaitIsReturnedWithoutParking() {
        VirtualScheduler virtual = new VirtualScheduler();
        PendingAnswers<Long, String> answers = answers(control(virtual), virtual);
        CompletableFuture<String> answer = answers.expect(7L);
        answers.answered(7L, "early");

        assertThat(answers.await(7L, answer, BOUND, "while asking", () -> "late")).isEqualTo("early");
        assertThat(virtual.parks()).isEmpty();
    }

    @Test
    void noAnswerWithinTheBoundOnTheSchedulersClockSaysSoAndAnswersForOtherRequestsDoNotEndTheWait() {
        VirtualScheduler virtual = new VirtualScheduler();
        PendingAnswers<Long, String> answers = answers(control(virtual), virtual);
        CompletableFuture<String> answer = answers.expect(7L);
        answers.expect(8L);
        virtual.atNextParks(() -> answers.answered(8L, "not this one"));

        assertThatThrownBy(() -> answers.await(7L, answer, BOUND, "while asking", () -> "The conductor did not answer"))
                .isInstanceOf(IllegalStateException.class).hasMessage("The conductor did not answer");
        assertThat(virtual.parks()).containsExactly(BOUND, BOUND);
    }

    @Test
    void anAbortEndsTheWaitWithTheRootCause() {
        NodeControl control = control(Scheduler.system());
        PendingAnswers<Long, String> answers = answers(control, Scheduler.system());
        CompletableFuture<String> answer = answers.expect(7L);

        CompletableFuture<String> awaited = Waiting.parkedIn(() -> {
            control.bodyThread(Thread.currentThread());
            return answers.await(7L, answer, BOUND, "while waiting for a fault to take effect", () -> "late");
        });
        control.abort("node-b failed: boom");

        assertThat(awaited).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(RunAbortedException.class)
                .withMessage("Run aborted while waiting for a fault to take effect on node-a: node-b failed: boom");
    }

    private static PendingAnswers<Long, String> answers(NodeControl control, Scheduler scheduler) {
        return new PendingAnswers<>(control, scheduler);
    }

    private static NodeControl control(Scheduler scheduler) {
        return new NodeControl("node-a", LoggerFactory.getLogger(PendingAnswersTest.class), scheduler);
    }
}
