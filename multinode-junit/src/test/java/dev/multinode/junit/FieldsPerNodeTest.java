package dev.multinode.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldsPerNodeTest {

    static class EachNodeItsOwnInstance {
        static final AtomicInteger BEFORE_EACH_CALLS = new AtomicInteger();

        private final List<String> seen = new ArrayList<>();

        @BeforeEach
        void countBeforeEach() {
            BEFORE_EACH_CALLS.incrementAndGet();
        }

        @MultiNodeTest(roles = {"node-a", "node-b", "node-c"})
        void rolesSeenByThisInstance(Node node) {
            remember(node.role());
            node.enterBarrier("all-remembered");
            if (!seen.equals(List.of(node.role()))) {
                throw new AssertionError(node.role() + "'s instance saw " + seen);
            }
        }

        private void remember(String role) {
            seen.add(role);
        }
    }

    @Test
    void everyNodeUsesFieldsAndHelpersOfItsOwnInstanceAndBeforeEachRunsOnceInTheTestJvm() {
        EachNodeItsOwnInstance.BEFORE_EACH_CALLS.set(0);

        SampleRuns.run(EachNodeItsOwnInstance.class).testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(EachNodeItsOwnInstance.BEFORE_EACH_CALLS).hasValue(1);
    }
}
