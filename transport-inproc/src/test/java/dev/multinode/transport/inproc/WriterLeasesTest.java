package dev.multinode.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WriterLeasesTest {

    private final WriterLeases leases = new WriterLeases();

    @Test
    void aLeaseHeldAcrossTheCloseIsTheLastOneOut() {
        assertTrue(leases.acquire());
        assertTrue(leases.acquire());
        leases.close();
        assertTrue(leases.isClosed());
        assertFalse(leases.acquire(), "no lease after the close");
        assertFalse(leases.release(), "one lease is still held");
        assertFalse(leases.closedAndReleased());
        assertTrue(leases.release(), "the last lease of a closed inbox");
        assertTrue(leases.closedAndReleased());
    }

    @Test
    void leasesReturnedBeforeTheCloseLeaveNothingToWaitFor() {
        assertTrue(leases.acquire());
        assertFalse(leases.release(), "not closed: nothing to free");
        assertFalse(leases.closedAndReleased());
        leases.close();
        leases.close();
        assertTrue(leases.closedAndReleased());
    }
}
