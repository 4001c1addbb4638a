package dev.multinode.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code multinode.debug}: a role, optionally with a port; anything else is refused naming the value and the forms. */
class DebugTargetTest {

    private static final List<String> ROLES = List.of("node-a", "node-b");
    private static final String FORMS = ": accepted are <role> or <role>:<port> with a role of [node-a, node-b] "
            + "and a port from 1 to 65535 (default 5005)";

    @Test
    void aRoleAloneGetsThePortIdesOfferFirst() {
        assertEquals(new DebugTarget("node-b", 5005), DebugTarget.parse(" node-b ", ROLES));
    }

    @Test
    void aRoleWithAPortGetsThatPort() {
        assertEquals(new DebugTarget("node-a", 8000), DebugTarget.parse("node-a:8000", ROLES));
    }

    @Test
    void noValueMeansNoDebugging() {
        assertNull(DebugTarget.parse(null, ROLES));
        assertNull(DebugTarget.parse(" ", ROLES));
    }

    @Test
    void aRoleThatDoesNotExistIsNamedWithTheRunsRoles() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> DebugTarget.parse("node-c:5005", ROLES)))
                .hasMessage("Invalid multinode.debug 'node-c:5005' (no role 'node-c' in this run)" + FORMS);
    }

    @Test
    void aBadPortIsNamed() {
        for (String value : List.of("node-b:", "node-b:0", "node-b:65536", "node-b:x")) {
            assertThat(assertThrows(IllegalArgumentException.class, () -> DebugTarget.parse(value, ROLES)))
                    .hasMessage("Invalid multinode.debug '" + value + "' (the port must be a whole number from 1 to 65535)"
                            + FORMS);
        }
    }
}
