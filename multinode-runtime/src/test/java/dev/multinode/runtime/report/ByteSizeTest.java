package dev.multinode.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Byte counts read at a glance, in units of 1024. */
class ByteSizeTest {

    @Test
    void bytesBelowAKilobyteAreExact() {
        assertThat(ByteSize.compact(0)).isEqualTo("0 B");
        assertThat(ByteSize.compact(1023)).isEqualTo("1023 B");
    }

    @Test
    void largerSizesHaveOneDecimalBelowAHundred() {
        assertThat(ByteSize.compact(1024)).isEqualTo("1.0 KB");
        assertThat(ByteSize.compact(12_600)).isEqualTo("12.3 KB");
        assertThat(ByteSize.compact(102_400)).isEqualTo("100 KB");
        assertThat(ByteSize.compact(5L << 30)).isEqualTo("5.0 GB");
    }

    @Test
    void aSizeThatWouldRoundToTheNextUnitIsWrittenInIt() {
        assertThat(ByteSize.compact(1_048_575)).isEqualTo("1.0 MB");
    }
}
