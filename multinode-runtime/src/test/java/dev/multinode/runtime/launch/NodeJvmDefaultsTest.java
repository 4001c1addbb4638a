package dev.multinode.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The node JVM's own flags give way to the user's choice of compiler level or collector. */
class NodeJvmDefaultsTest {

    @Test
    void withoutAChoiceANodeGetsC1AndTheSerialCollector() {
        assertThat(NodeJvmDefaults.keptBy(List.of("-Xmx256m"))).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void aCompilerLevelOfTheUserReplacesTheDefaultOne() {
        assertThat(NodeJvmDefaults.keptBy(List.of("-XX:TieredStopAtLevel=4"))).containsExactly("-XX:+UseSerialGC");
    }

    @Test
    void anyCollectorOfTheUserReplacesTheSerialOne() {
        for (String collector : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:-UseSerialGC")) {
            assertThat(NodeJvmDefaults.keptBy(List.of(collector))).as(collector).containsExactly("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void aFlagThatOnlyLooksLikeACollectorLeavesTheDefault() {
        assertThat(NodeJvmDefaults.keptBy(List.of("-XX:+UseGCOverheadLimit", "-XX:+UseAdaptiveSizePolicyWithSystemGC")))
                .contains("-XX:+UseSerialGC");
    }
}
