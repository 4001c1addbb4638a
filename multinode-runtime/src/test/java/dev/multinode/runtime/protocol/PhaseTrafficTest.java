package dev.multinode.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PhaseTrafficTest {

    private static final int NODE_A = 1;
    private static final int NODE_B = 2;

    @Test
    void aReportOfLinksThatCarriedNothingIsFourBytesAndAddsNothing() {
        ByteBuffer frame = ByteBuffer.allocate(1024);
        TrafficReport.write(frame, TrafficReport.Counts.of(new long[101], new long[101], new long[101], new long[101][]));
        PhaseTraffic phase = new PhaseTraffic(101);
        TrafficReport.addTo(frame.flip(), 0, NODE_A, phase);

        assertThat(frame.limit()).as("count, links and relayed peers").isEqualTo(3 * Short.BYTES);
        assertThat(phase.sent()[NODE_A]).as("still the shared row").isSameAs(phase.dropped()[NODE_B]);
        assertThat(phase.sent()[NODE_A]).containsOnly(0);
    }

    @Test
    void onlyTheLinksThatCarriedSomethingAreWrittenAndTheirRowsAlone() {
        long[] sent = {0, 0, 7, 0};
        long[] droppedTo = {0, 0, 0, 3};
        long[] droppedFrom = {0, 0, 5, 0};
        ByteBuffer frame = ByteBuffer.allocate(1024);
        TrafficReport.write(frame, TrafficReport.Counts.of(sent, droppedTo, droppedFrom, new long[4][]));
        PhaseTraffic phase = new PhaseTraffic(4);
        TrafficReport.addTo(frame.flip(), 0, NODE_A, phase);

        assertThat(phase.sent()[NODE_A]).containsExactly(0, 0, 7, 0);
        assertThat(phase.dropped()[NODE_A]).containsExactly(0, 0, 0, 3);
        assertThat(phase.dropped()[NODE_B]).containsExactly(0, 5, 0, 0);
        assertThat(phase.sent()[NODE_B]).as("untouched rows read as zeros").containsOnly(0);
        assertThat(phase.sent()[0]).containsOnly(0);
    }
}
