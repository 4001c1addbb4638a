package dev.multinode.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Node;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class BadInputTest {

    static class NoNodeParameter {
        @MultiNodeTest(roles = {"node-a"})
        void takesAString(String notANode) {
        }
    }

    static class NoRoles {
        @MultiNodeTest(roles = {})
        void nobody(Node node) {
        }
    }

    static class UnknownTransport {
        @MultiNodeTest(roles = {"node-a"})
        @Transports({"inproc", "carrier-pigeon"})
        void byBird(Node node) {
        }
    }

    static class BadDuration {
        @MultiNodeTest(roles = {"node-a"}, barrierTimeout = "30s")
        void shortHand(Node node) {
        }
    }

    static class NotARecord {
        @MultiNodeTest(roles = {"node-a"}, allow = String.class)
        void strings(Node node) {
        }
    }

    @Test
    void aMethodWithoutANodeParameterIsRejectedByName() {
        assertThat(failureOf(NoNodeParameter.class)).contains(NoNodeParameter.class.getName() + ".takesAString(String)")
                .contains("exactly one parameter").contains("dev.multinode.Node");
    }

    @Test
    void anEmptyRoleListIsRejected() {
        assertThat(failureOf(NoRoles.class)).contains("roles = {}").contains(".nobody(Node)").contains("at least one");
    }

    @Test
    void anUnknownTransportIsRejectedWithTheKnownOnes() {
        assertThat(failureOf(UnknownTransport.class)).contains("@Transports({\"inproc\", \"carrier-pigeon\"})")
                .contains(".byBird(Node)").contains("'carrier-pigeon'").contains("[inproc, tcp]");
    }

    @Test
    void aDurationThatIsNotIso8601IsRejectedWithAnExample() {
        assertThat(failureOf(BadDuration.class)).contains(".shortHand(Node)").contains("barrierTimeout = \"30s\"")
                .contains("PT30S");
    }

    @Test
    void theBuildersOwnChecksNameTheMethodToo() {
        assertThat(failureOf(NotARecord.class)).contains(".strings(Node)").contains("java.lang.String")
                .contains("only records and enums");
    }

    /** Bad input fails the test template itself: no invocation, so no node, ever starts. */
    private static String failureOf(Class<?> sample) {
        EngineExecutionResults results = SampleRuns.run(sample);
        assertThat(results.testEvents().started().count()).isZero();
        return results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }
}
