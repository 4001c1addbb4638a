package dev.multinode.runtime.settings;

import static dev.multinode.MultiNode.runMultiNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.MultiNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad role list is refused with a message that names the bad role, where it stands and the list. */
class RoleNamesTest {

    private static final String RULE = ": a role is 1 to 63 characters of letters, digits, '.', '_' and '-', "
            + "starting with a letter or digit";

    @Test
    void aNullRoleIsNamedWithItsIndexAndTheList() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> RoleNames.validate(Arrays.asList("node-a", null))))
                .hasMessage("Invalid role name null at index 1 in [node-a, null]" + RULE);
    }

    @Test
    void everyEntryPointReportsANullRoleLikeAnyOtherBadRole() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> MultiNode.spec("node-a", null).run(node -> { })))
                .hasMessage("Invalid role name null at index 1 in [node-a, null]" + RULE);
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> runMultiNode(Arrays.asList(null, "node-b"), node -> { })))
                .hasMessage("Invalid role name null at index 0 in [null, node-b]" + RULE);
        assertThat(assertThrows(IllegalArgumentException.class, () -> MultiNode.spec((String) null).run(node -> { })))
                .hasMessage("Invalid role name null at index 0 in [null]" + RULE);
    }

    @Test
    void aNullRoleListIsReportedAsSuch() {
        String expected = "A multi-node spec needs at least one role; the role list was null";
        assertThat(assertThrows(IllegalArgumentException.class, () -> MultiNode.spec((String[]) null).run(node -> { })))
                .hasMessage(expected);
        assertThat(assertThrows(IllegalArgumentException.class, () -> runMultiNode(null, node -> { })))
                .hasMessage(expected);
    }

    @Test
    void theReservedRoleIsNamedWithItsIndex() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> RoleNames.validate(List.of("node-a", "conductor"))))
                .hasMessage("Invalid role name 'conductor' at index 1 in [node-a, conductor]: it is reserved for the "
                        + "harness's coordinator");
    }
}
