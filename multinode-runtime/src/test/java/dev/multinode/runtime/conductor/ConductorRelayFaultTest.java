package dev.multinode.runtime.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.Direction;
import dev.multinode.runtime.protocol.DirectoryKeys;
import dev.multinode.runtime.protocol.FaultApplyMessage;
import dev.multinode.runtime.protocol.FaultKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Link faults reach both ends of the link, for their relays; a drop is refused on a relayed link; a
 * fault on a link where neither end saw the system's traffic is noticed.
 */
class ConductorRelayFaultTest {

    private final ConductorDriver run = new ConductorDriver("node-a", "node-b", "node-c").allUp();

    @Test
    void aBlackholeIsAppliedAtItsSenderMirroredAtTheOtherEndAndAnsweredOnceBothConfirmed() {
        run.requestLinkFault("node-c", FaultKind.BLACKHOLE, "node-a", "node-b", Direction.SEND, 0, 0);

        FaultApplyMessage own = only(run.applicationsTo("node-a"));
        FaultApplyMessage mirror = only(run.applicationsTo("node-b"));
        assertEquals(List.of(FaultKind.BLACKHOLE, Direction.SEND, 2), List.of(own.kind(), own.direction(), own.peer()));
        assertEquals(List.of(FaultKind.PEER_BLACKHOLE, Direction.SEND, 1),
                List.of(mirror.kind(), mirror.direction(), mirror.peer()));
        assertEquals(List.of(), run.applicationsTo("node-c"));

        run.confirm("node-a", own.applyId());
        assertEquals(List.of(), run.faultAnswersTo("node-c"));
        run.confirm("node-b", mirror.applyId());
        assertEquals(List.of(""), run.faultAnswersTo("node-c"));
    }

    @Test
    void delaysBandwidthsAndDisconnectsAreMirroredButDropsAreNot() {
        run.requestLinkFault("node-a", FaultKind.DELAY, "node-a", "node-b", Direction.SEND, 5_000_000, 0);
        run.requestLinkFault("node-a", FaultKind.BANDWIDTH, "node-a", "node-b", Direction.SEND, 1_000, 0);
        run.requestLinkFault("node-a", FaultKind.DISCONNECT, "node-a", "node-b", Direction.SEND, 0, 0);
        run.requestLinkFault("node-a", FaultKind.DROP, "node-a", "node-b", Direction.SEND, 0, 0.5);

        assertThat(run.applicationsTo("node-a")).extracting(FaultApplyMessage::kind)
                .containsExactly(FaultKind.DELAY, FaultKind.BANDWIDTH, FaultKind.DISCONNECT, FaultKind.DROP);
        assertThat(run.applicationsTo("node-b")).extracting(FaultApplyMessage::kind)
                .containsExactly(FaultKind.PEER_DELAY, FaultKind.PEER_BANDWIDTH, FaultKind.PEER_DISCONNECT);
        assertThat(run.applicationsTo("node-b")).extracting(FaultApplyMessage::delayNanos)
                .containsExactly(5_000_000L, 1_000L, 0L);
    }

    @Test
    void aPartitionBlackholesAndMirrorsEveryCrossingLinkAtBothEnds() {
        run.feedPartition("node-c", List.of("node-a"), List.of("node-b", "node-c"));

        assertThat(run.applicationsTo("node-a")).extracting(FaultApplyMessage::kind, FaultApplyMessage::peer)
                .containsExactlyInAnyOrder(tuple(FaultKind.BLACKHOLE, 2), tuple(FaultKind.PEER_BLACKHOLE, 2),
                        tuple(FaultKind.BLACKHOLE, 3), tuple(FaultKind.PEER_BLACKHOLE, 3));
        assertThat(run.applicationsTo("node-b")).extracting(FaultApplyMessage::kind, FaultApplyMessage::peer)
                .containsExactlyInAnyOrder(tuple(FaultKind.BLACKHOLE, 1), tuple(FaultKind.PEER_BLACKHOLE, 1));
    }

    @Test
    void aDropIsRefusedOnALinkEitherEndRelays() {
        run.publish("node-b", DirectoryKeys.linkRelay("node-a", "cluster"), "127.0.0.1:4000");

        run.requestLinkFault("node-c", FaultKind.DROP, "node-a", "node-b", Direction.SEND, 0, 0.1);
        run.requestLinkFault("node-c", FaultKind.DROP, "node-a", "node-c", Direction.SEND, 0, 0.1);
        run.confirmAll();

        assertThat(run.faultAnswersTo("node-c")).hasSize(2);
        assertThat(run.faultAnswersTo("node-c").get(0)).startsWith("Cannot apply drop[node-a, node-b] with probability 0.1")
                .contains("relayed", "byte stream", "delay, bandwidth, blackhole or disconnect");
        assertEquals("", run.faultAnswersTo("node-c").get(1));
        assertEquals(List.of(), run.applicationsTo("node-b"));
    }

    @Test
    void aFaultOnALinkWhereNeitherEndSawTrafficIsNoticedInTheAnswerAndTheTimeline() {
        run.requestLinkFault("node-c", FaultKind.BLACKHOLE, "node-a", "node-b", Direction.BOTH, 0, 0);
        run.confirm("node-a", only(run.applicationsTo("node-a")).applyId(), false);
        run.confirm("node-b", only(run.applicationsTo("node-b")).applyId(), false);

        assertEquals(List.of(""), run.faultAnswersTo("node-c"));
        String notice = only(run.faultNoticesTo("node-c"));
        assertThat(notice).startsWith("the fault touched no traffic of the system under test on node-a-node-b")
                .contains("node.address");
        assertThat(run.conductor().events().snapshot()).extracting(RunEvents.Event::text).contains(notice);
    }

    @Test
    void aFaultIsNotNoticedWhenOneEndSawTraffic() {
        run.requestLinkFault("node-c", FaultKind.BLACKHOLE, "node-a", "node-b", Direction.BOTH, 0, 0);
        run.confirm("node-a", only(run.applicationsTo("node-a")).applyId(), false);
        run.confirm("node-b", only(run.applicationsTo("node-b")).applyId(), true);

        assertEquals(List.of(""), run.faultNoticesTo("node-c"));
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), "items: " + items);
        return items.get(0);
    }
}
