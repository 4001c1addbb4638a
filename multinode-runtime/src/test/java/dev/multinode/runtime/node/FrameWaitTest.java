package dev.multinode.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.runtime.testing.VirtualScheduler;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.FrameReceiver;
import dev.multinode.spi.Scheduler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;

class FrameWaitTest {

    /** Records its waits, and says whether it can wait as told; never blocks. */
    private static final class WaitingEndpoint implements Endpoint {
        final List<Long> waits = new ArrayList<>();
        final boolean canWait;

        WaitingEndpoint(boolean canWait) {
            this.canWait = canWait;
        }

        @Override
        public int participant() {
            return 1;
        }

        @Override
        public void send(int to, int type, ByteBuffer payload) {
        }

        @Override
        public int poll(FrameReceiver receiver, int limit) {
            return 0;
        }

        @Override
        public boolean awaitFrames(long timeoutNanos) {
            waits.add(timeoutNanos);
            return canWait;
        }

        @Override
        public void close() {
        }
    }

    /** Counts the idles handed to it. */
    private static final class CountingIdle implements IdleStrategy {
        int idles;
        int resets;

        @Override
        public void idle(int workCount) {
            idles++;
        }

        @Override
        public void idle() {
            idles++;
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    @Test
    void spinsThenWaitsOnTheEndpointForAtMostTheSleep() {
        WaitingEndpoint endpoint = new WaitingEndpoint(true);
        CountingIdle fallback = new CountingIdle();
        FrameWait wait = new FrameWait(endpoint, Scheduler.system(), 3, 0, () -> 500, fallback);

        for (int i = 0; i < 3; i++) {
            wait.idle(0);
        }
        assertThat(endpoint.waits).isEmpty();
        wait.idle(0);
        wait.idle(0);

        assertThat(endpoint.waits).containsExactly(500L, 500L);
        assertThat(fallback.idles).isZero();
    }

    @Test
    void yieldsForTheYieldTimeBeforeWaiting() {
        WaitingEndpoint endpoint = new WaitingEndpoint(true);
        FrameWait wait = new FrameWait(endpoint, Scheduler.system(), 1, TimeUnit.HOURS.toNanos(1), () -> 500, new CountingIdle());

        for (int i = 0; i < 10; i++) {
            wait.idle(0);
        }

        assertThat(endpoint.waits).isEmpty();
    }

    @Test
    void theYieldTimeIsMeasuredOnTheSchedulersClock() {
        WaitingEndpoint endpoint = new WaitingEndpoint(true);
        VirtualScheduler virtual = new VirtualScheduler();
        FrameWait wait = new FrameWait(endpoint, virtual, 0, TimeUnit.MILLISECONDS.toNanos(1), () -> 500, new CountingIdle());

        wait.idle(0);
        wait.idle(0);
        virtual.advance(Duration.ofMillis(1));
        wait.idle(0);

        assertThat(endpoint.waits).containsExactly(500L);
    }

    @Test
    void inASimulationTheReceiverWaitsOnTheEndpointAtOnce() {
        WaitingEndpoint endpoint = new WaitingEndpoint(true);

        IdleStrategies.receiver(endpoint, new VirtualScheduler()).idle(0);

        assertThat(endpoint.waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void inASimulationTheConductorParksThroughTheSchedulerWhereTheEndpointCannotWait() {
        WaitingEndpoint endpoint = new WaitingEndpoint(false);
        VirtualScheduler virtual = new VirtualScheduler();
        IdleStrategy wait = IdleStrategies.conductor(endpoint, virtual, () -> Long.MAX_VALUE, wake -> { });

        wait.idle(0);
        wait.idle(0);
        wait.idle(0);

        assertThat(endpoint.waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(virtual.parks()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(1));
    }

    @Test
    void theConductorSleepsNoLongerThanToItsNextDeadline() {
        WaitingEndpoint endpoint = new WaitingEndpoint(true);
        long[] toDeadline = {TimeUnit.MILLISECONDS.toNanos(5)};
        IdleStrategy simulated = IdleStrategies.conductor(endpoint, new VirtualScheduler(), () -> toDeadline[0], wake -> { });
        simulated.idle(0);
        toDeadline[0] = 0; // a deadline passed: it looks again at once, without spinning on it
        simulated.idle(0);
        toDeadline[0] = Long.MAX_VALUE;
        IdleStrategy real = IdleStrategies.conductor(endpoint, Scheduler.system(), () -> toDeadline[0], wake -> { });
        for (int i = 0; i < 10_000 && endpoint.waits.size() < 3; i++) {
            real.idle(0); // spins and yields first
        }
        assertThat(endpoint.waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(5), TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(10));
    }

    @Test
    void aSubmittedCommandEndsTheConductorsWait() {
        WaitingEndpoint endpoint = new WaitingEndpoint(false);
        VirtualScheduler virtual = new VirtualScheduler();
        List<Runnable> wakes = new ArrayList<>();
        IdleStrategy wait = IdleStrategies.conductor(endpoint, virtual, () -> Long.MAX_VALUE, wakes::add);
        wait.idle(0); // the endpoint says it cannot wait: from now on the conductor parks
        virtual.atNextParks(() -> wakes.get(0).run());

        long before = virtual.nanoTime();
        wait.idle(0);

        assertThat(wakes).hasSize(1);
        assertThat(virtual.nanoTime()).as("woken, not timed out").isEqualTo(before);
    }

    @Test
    void workSpinsAgainBeforeTheNextWait() {
        WaitingEndpoint endpoint = new WaitingEndpoint(true);
        FrameWait wait = new FrameWait(endpoint, Scheduler.system(), 2, 0, () -> 500, new CountingIdle());
        for (int i = 0; i < 3; i++) {
            wait.idle(0);
        }

        wait.idle(1);
        wait.idle(0);
        wait.idle(0);

        assertThat(endpoint.waits).hasSize(1);
    }

    @Test
    void anEndpointThatCannotWaitIsAskedOnceAndTheFallbackWaitsFromThenOn() {
        WaitingEndpoint endpoint = new WaitingEndpoint(false);
        CountingIdle fallback = new CountingIdle();
        FrameWait wait = new FrameWait(endpoint, Scheduler.system(), 0, 0, () -> 500, fallback);

        wait.idle(0);
        wait.idle(0);
        wait.idle(1);
        wait.idle(0);

        assertThat(endpoint.waits).hasSize(1);
        assertThat(fallback.idles).isEqualTo(2);
        assertThat(fallback.resets).isEqualTo(1);
    }
}
