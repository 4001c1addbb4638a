package dev.multinode.examples.specs;

import org.junit.jupiter.api.Test;

/**
 * {@link RestartRejoinSpec} in the transport of {@code multinode.transport}: the build runs the
 * *SpecTest classes once per transport (inproc, chronicle, tcp).
 */
class RestartRejoinSpecTest {

    @Test
    void aRestartedNodeRejoinsAsANewIncarnationWithItsShardsAndTheirSavedState() {
        RestartRejoinSpec.run();
    }
}
