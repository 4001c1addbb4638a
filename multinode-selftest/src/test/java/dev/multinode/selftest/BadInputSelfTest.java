package dev.multinode.selftest;

import static dev.multinode.MultiNode.runMultiNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNode;
import dev.multinode.MultiNodeFailure;
import dev.multinode.testkit.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused before any node starts, with a message naming the bad value. */
class BadInputSelfTest {

    /** Deliberately not serializable, and captured through {@code this}. */
    private final StringBuilder notSerializable = new StringBuilder("state");

    static List<Mode> modes() {
        return Mode.all().toList();
    }

    @Test
    void unknownTransportListsTheOnesFound() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MultiNode.spec("node-a").transport("carrier-pigeon").run(node -> { }));
        assertThat(error).hasMessageStartingWith("Unknown transport 'carrier-pigeon' (multinode.transport): found ")
                .hasMessageContaining("inproc");
    }

    @Test
    void duplicateRolesAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> runMultiNode(List.of("node-a", "node-b", "node-a"), node -> { }));
        assertThat(error).hasMessage("Duplicate role name 'node-a' in [node-a, node-b, node-a]: every role must be unique");
    }

    @Test
    void emptyRolesAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> runMultiNode(List.of(), node -> { }));
        assertThat(error).hasMessageContaining("at least one role").hasMessageContaining("empty");
    }

    @Test
    void invalidRoleNamesAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> runMultiNode(List.of("node a"), node -> { }));
        assertThat(error).hasMessageStartingWith("Invalid role name 'node a'").hasMessageContaining("letters, digits");
    }

    @Test
    void perRoleOptionsForARoleTheSpecLacksAreRefusedNamingTheRoles() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MultiNode.spec("node-a", "node-b").jvmArgsFor("node-c", "-Xmx256m").run(node -> { }));
        assertThat(error).hasMessage("jvmArgsFor('node-c', ...): not a role of this spec; its roles are [node-a, node-b]");
    }

    @Test
    void aPerRolePropertyNameWithAnEqualsSignIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MultiNode.spec("node-a").systemPropertyFor("node-a", "k=v", "x"));
        assertThat(error).hasMessage("systemPropertyFor(node-a, 'k=v'): a property name must be non-empty and hold no '='");
    }

    @Test
    void aBodyCapturingThisIsRefusedWithTheUsualCause() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> runMultiNode(List.of("node-a"), node -> notSerializable.append(node.role())));
        assertThat(error).hasMessageContaining("is not serializable")
                .hasMessageContaining("captures 'this' (" + BadInputSelfTest.class.getName() + ")");
    }

    @Test
    void aBodyCapturingANonSerializableValueNamesIt() {
        Object lock = new Object();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> runMultiNode(List.of("node-a"), node -> lock.hashCode()));
        assertThat(error).hasMessageContaining("captures an instance of java.lang.Object");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void anOversizedFrameIsRefusedAtTheSender(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a", "node-b").run(node ->
                node.runOn("node-a", () -> node.send("node-b", new byte[node.maxFrameSize() + 1]))));
        assertThat(failure.getMessage()).startsWith("node-a failed before the first barrier: java.lang.IllegalArgumentException: Frame of 65537 bytes from node-a to node-b exceeds the limit of 65536 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void sendingToAnUnknownRoleNamesTheRoles(Mode mode) {
        MultiNodeFailure failure = assertThrows(MultiNodeFailure.class, () -> mode.spec("node-a").run(node ->
                node.send("node-z", new byte[1])));
        assertThat(failure.getMessage()).contains("Unknown role 'node-z': the roles of this run are [node-a]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void badClockFaultArgumentsNameTheValueAndWhatIsAccepted(Mode mode) {
        mode.spec("node-a", "node-b").run(node -> node.runOn("node-a", () -> {
            for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().driftClock("node-b", rate)))
                        .hasMessage("driftClock(node-b, " + rate + "): the rate must be a positive finite number (1 is true time)");
            }
            assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().skewClock("node-b", null)))
                    .hasMessage("skewClock(node-b, null): the offset must be a duration");
            assertThat(assertThrows(IllegalArgumentException.class,
                    () -> node.faults().skewClock("node-z", Duration.ofHours(1))))
                    .hasMessage("Unknown role 'node-z': the roles of this run are [node-a, node-b]");
            assertThat(assertThrows(IllegalArgumentException.class, () -> node.faults().driftClock("node-z", 2.0)))
                    .hasMessage("Unknown role 'node-z': the roles of this run are [node-a, node-b]");
        }));
    }
}
