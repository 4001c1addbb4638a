package dev.multinode.runtime.relay;

import static dev.multinode.runtime.relay.RelaySockets.assertNothingArrives;
import static dev.multinode.runtime.relay.RelaySockets.receive;
import static dev.multinode.runtime.relay.RelaySockets.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delays and bandwidth limits on a fake clock: the test moves time and then has the relay look at
 * it ({@link RelayHub#clockMoved}, which also makes it read what the client sent, since on loopback
 * a write is in the relay's receive buffer when it returns). No figure depends on the wall clock.
 */
class RelayTimingTest {

    private static final int PEER = 1;
    private static final Duration DELAY = Duration.ofMillis(100);

    private final FakeNanoClock clock = new FakeNanoClock();
    @AutoClose
    private final RelayFixture fixture = new RelayFixture("node-b", 3, RelayOptions.defaults().withClock(clock));
    private final RelayHub hub = fixture.hub();
    private RelaySockets.Ends ends;

    @BeforeEach
    void connect() throws IOException {
        ends = fixture.sockets().connect(hub.openLink(PEER, "db", fixture.sockets().target()));
    }

    @AfterEach
    void disconnect() throws IOException {
        ends.close();
    }

    private void advance(Duration by) {
        clock.advance(by);
        hub.clockMoved();
    }

    @Test
    void aDelayShiftsEachChunkFromWhenItWasReadAndKeepsTheOrder() throws IOException {
        hub.delay(PEER, Flow.OUT, DELAY.toNanos());
        send(ends.client(), "a");
        hub.clockMoved();
        advance(Duration.ofMillis(60));
        send(ends.client(), "b");
        hub.clockMoved();
        assertNothingArrives(ends.far());

        advance(Duration.ofMillis(40));
        assertThat(receive(ends.far(), 1)).isEqualTo("a");
        assertNothingArrives(ends.far());
        advance(Duration.ofMillis(60));
        assertThat(receive(ends.far(), 1)).isEqualTo("b");
        // the other direction is not delayed
        send(ends.far(), "c");
        assertThat(receive(ends.client(), 1)).isEqualTo("c");
    }

    @Test
    void manyChunksAreShiftedByTheDelayNotByTheDelayEach() throws IOException {
        hub.delay(PEER, Flow.OUT, DELAY.toNanos());
        // 10 ms apart, more than the coalescing window, so each is a chunk of its own
        for (int i = 0; i < 10; i++) {
            send(ends.client(), Integer.toString(i));
            hub.clockMoved();
            advance(Duration.ofMillis(10));
        }
        // the last was read 10 ms ago: once the delay has passed since then, all ten are there
        advance(DELAY.minusMillis(10));
        assertThat(receive(ends.far(), 10)).isEqualTo("0123456789");
    }

    @Test
    void removingTheDelayDeliversWhatWaits() throws IOException {
        hub.delay(PEER, Flow.IN, DELAY.toNanos());
        send(ends.far(), "late");
        hub.clockMoved();
        assertNothingArrives(ends.client());
        hub.delay(PEER, Flow.IN, 0);
        assertThat(receive(ends.client(), 4)).isEqualTo("late");
    }

    @Test
    void aBandwidthLimitPacesDeliveryAndZeroLiftsIt() throws IOException {
        long rate = 100_000;
        int total = 20_000;
        hub.bandwidth(PEER, Flow.OUT, rate);
        send(ends.client(), "x".repeat(total));
        hub.clockMoved();
        // a burst of 10 ms' worth (1,500 bytes at least) first, then what each 10 ms step earns
        long burst = hub.bytes(PEER, Flow.OUT);
        assertThat(burst).isBetween(1L, 1_500L);
        for (int step = 1; step <= 5; step++) {
            advance(Duration.ofMillis(10));
        }
        long paced = hub.bytes(PEER, Flow.OUT);
        assertThat(paced).isBetween(burst + 4_000, burst + 5_000);
        assertThat(receive(ends.far(), (int) paced)).hasSize((int) paced);
        assertNothingArrives(ends.far());

        hub.bandwidth(PEER, Flow.OUT, 0);
        assertThat(receive(ends.far(), total - (int) paced)).hasSize(total - (int) paced);
        assertThat(hub.bytes(PEER, Flow.OUT)).isEqualTo(total);
    }

    @Test
    void healLiftsDelaysAndLimits() throws IOException {
        hub.delay(PEER, Flow.OUT, DELAY.toNanos());
        hub.bandwidth(PEER, Flow.IN, 1);
        send(ends.client(), "out");
        send(ends.far(), "in");
        hub.clockMoved();
        assertNothingArrives(ends.far());
        hub.heal();
        assertThat(receive(ends.far(), 3)).isEqualTo("out");
        assertThat(receive(ends.client(), 2)).isEqualTo("in");
    }
}
