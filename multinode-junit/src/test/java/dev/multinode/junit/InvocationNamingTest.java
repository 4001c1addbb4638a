package dev.multinode.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.Node;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

class InvocationNamingTest {

    static class TwoTransports {
        @MultiNodeTest(roles = {"node-a", "node-b"})
        @Transports({"inproc", "tcp/thread"})
        void meet(Node node) {
            node.enterBarrier("met");
        }
    }

    @Test
    void eachInvocationIsNamedAfterItsTransportAndLaunchModeAndPasses() {
        Events tests = SampleRuns.run(TwoTransports.class).testEvents();

        tests.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
        assertThat(tests.started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly("[inproc/thread]", "[tcp/thread]");
    }
}
