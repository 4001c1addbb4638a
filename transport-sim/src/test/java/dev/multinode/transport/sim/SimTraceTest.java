package dev.multinode.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SimTraceTest {

    private static SimTrace trace(int lastThread) {
        SimTrace trace = new SimTrace();
        trace.started(0, "node-a");
        trace.started(1, "node-b");
        trace.step(0, 0);
        trace.delivery(1, 2, 5, 40);
        trace.step(lastThread, 1_500_000);
        return trace;
    }

    @Test
    void equalTracesHashAlikeAndShowNoDifference() {
        assertEquals(trace(1).hash(), trace(1).hash());
        assertNull(trace(1).firstDifference(trace(1)));
        assertEquals(2, trace(1).steps());
    }

    @Test
    void theFirstDifferenceIsNamedByThreadAndVirtualTime() {
        assertNotEquals(trace(1).hash(), trace(0).hash());
        assertEquals("entry 2: the first run ran node-b at PT0.0015S, the second ran node-a at PT0.0015S;"
                + " before that, both runs:\n  entry 0: ran node-a at PT0S\n  entry 1: delivered a frame of type 5 from"
                + " participant 1 to 2 (40 bytes)", trace(1).firstDifference(trace(0)));
    }

    @Test
    void aRunThatGoesOnLongerIsNamed() {
        SimTrace longer = trace(1);
        longer.delivery(2, 1, 7, 12);
        assertEquals("entry 3: the first run goes on and delivered a frame of type 7 from participant 2 to 1 (12 bytes),"
                + " the other had ended", longer.firstDifference(trace(1)));
    }
}
