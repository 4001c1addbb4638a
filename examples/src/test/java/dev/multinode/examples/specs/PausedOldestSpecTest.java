package dev.multinode.examples.specs;

import org.junit.jupiter.api.Test;

/**
 * {@link PausedOldestSpec} in the transport of {@code multinode.transport}: the build runs the
 * *SpecTest classes once per transport (inproc, chronicle, tcp).
 */
class PausedOldestSpecTest {

    @Test
    void aPausedOldestIsReplacedAndOnResumeItsInstanceStopsWithoutActing() {
        PausedOldestSpec.run();
    }
}
