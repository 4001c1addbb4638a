package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multinode.RunAbortedException;
import dev.multinode.spi.Scheduler;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The abort's message reads as a sentence wherever the body was. */
class NodeControlTest {

    private final NodeControl control = new NodeControl("node-b", LoggerFactory.getLogger(NodeControlTest.class),
            Scheduler.system());

    @Test
    void anAbortBeforeTheFirstBarrierSaysSo() {
        control.abort("node-a failed: boom");

        assertThatThrownBy(control::checkNotAborted).isInstanceOf(RunAbortedException.class)
                .hasMessage("Run aborted before the first barrier on node-b: node-a failed: boom");
    }

    @Test
    void anAbortAfterABarrierNamesIt() {
        control.stepIntoBarrier("ready");
        control.stepPastBarrier("ready");
        control.abort("node-a failed: boom");

        assertThatThrownBy(control::checkNotAborted)
                .hasMessage("Run aborted after barrier 'ready' on node-b: node-a failed: boom");
    }
}
