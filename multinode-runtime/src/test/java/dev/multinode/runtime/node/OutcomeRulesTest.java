package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.BarrierFailedException;
import dev.multinode.RunAbortedException;
import dev.multinode.runtime.node.NodeOutcome.Status;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** How the end of a body is reported. */
class OutcomeRulesTest {

    private static final String STEP = "at barrier 'joined'";

    private final BarrierFailedException verdict = new BarrierFailedException("Barrier 'joined' failed: ...");
    private final Predicate<Throwable> isVerdict = thrown -> thrown == verdict;

    @Test
    void aBodyThatReturnsPasses() {
        assertThat(judge(null, null, false).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void theConductorsBarrierVerdictInAnAbortedRunIsACancellationNotASecondFailure() {
        NodeOutcome outcome = judge(verdict, null, true);

        assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
        assertThat(outcome.error()).isSameAs(verdict);
        assertThat(outcome.step()).isEqualTo(STEP);
    }

    @Test
    void somethingElseThrownAfterTheVerdictIsTheBodysOwnFailure() {
        IllegalStateException other = new IllegalStateException("cleanup failed");

        assertThat(judge(other, null, true).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aBarrierFailureTheConductorDidNotSendIsAFailure() {
        assertThat(judge(new BarrierFailedException("no verdict from the conductor"), null, true).status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void anAbortIsACancellationOnlyInAnAbortedRun() {
        RunAbortedException aborted = new RunAbortedException("Run aborted");

        assertThat(judge(aborted, null, true).status()).isEqualTo(Status.CANCELLED);
        assertThat(judge(aborted, null, false).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aFailureOutsideTheBodyOutweighsTheCancellationItCaused() {
        IllegalStateException handlerFailure = new IllegalStateException("The frame handler threw");
        NodeOutcome outcome = judge(new RunAbortedException("interrupted"), handlerFailure, true);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.error()).isSameAs(handlerFailure);
    }

    private NodeOutcome judge(Throwable thrown, Throwable background, boolean aborted) {
        return OutcomeRules.judge(STEP, thrown, background, aborted, isVerdict);
    }
}
