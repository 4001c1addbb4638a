package dev.multinode.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimNetworkTest {

    private static final int FRAMES = 50;

    /** Participants 1 and 2 each send numbered frames to 0, which notes "sender:number" as they arrive. */
    private static List<String> arrivals(long seed) {
        SimTrace trace = new SimTrace();
        SimScheduler scheduler = new SimScheduler(seed, Duration.ofSeconds(10), trace);
        SimNetwork network = new SimNetwork(scheduler, trace, 3, 64, LatencyModel.parse("uniform:0us..1ms"), seed);
        List<String> arrived = new ArrayList<>();
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        scheduler.newThread(group, () -> {
            SimEndpoint inbox = network.endpoint(0);
            inbox.poll((from, type, payload) -> arrived.add(from + ":" + payload.getInt()), 16);
            while (arrived.size() < 2 * FRAMES) {
                inbox.awaitFrames(Long.MAX_VALUE);
                inbox.poll((from, type, payload) -> arrived.add(from + ":" + payload.getInt()), 16);
            }
        }, "receiver").start();
        for (int sender = 1; sender <= 2; sender++) {
            SimEndpoint endpoint = network.endpoint(sender);
            scheduler.newThread(group, () -> {
                for (int number = 0; number < FRAMES; number++) {
                    endpoint.send(0, 1, ByteBuffer.allocate(4).putInt(0, number));
                    scheduler.parkUntil(scheduler.nanoTime() + 100_000);
                }
            }, "sender-" + sender).start();
        }
        scheduler.drive();
        return arrived;
    }

    @Test
    void eachLinkKeepsItsOrderWhileLinksCrossAndTheSeedReplaysTheArrivals() {
        List<String> arrived = arrivals(3);
        assertEquals(2 * FRAMES, arrived.size());
        for (String sender : List.of("1", "2")) {
            List<Integer> numbers = arrived.stream().filter(entry -> entry.startsWith(sender + ":"))
                    .map(entry -> Integer.parseInt(entry.substring(2))).toList();
            assertEquals(java.util.stream.IntStream.range(0, FRAMES).boxed().toList(), numbers, "link " + sender + " to 0");
        }
        assertEquals(arrived, arrivals(3));
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            orders.add(arrivals(seed));
        }
        assertTrue(orders.size() > 1, "five seeds interleaved the two links the same way");
    }

    @Test
    void aFrameOverTheLimitOrToAnUnknownParticipantIsRefused() {
        SimTrace trace = new SimTrace();
        SimScheduler scheduler = new SimScheduler(1, Duration.ofSeconds(10), trace);
        SimEndpoint endpoint = new SimNetwork(scheduler, trace, 2, 8, LatencyModel.parse("fixed:1ms"), 1).endpoint(1);
        IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
                () -> endpoint.send(0, 1, ByteBuffer.allocate(9)));
        assertEquals("A frame of 9 bytes exceeds the frame size limit of 8 bytes", large.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> endpoint.send(2, 1, ByteBuffer.allocate(1)));
        assertEquals("No participant 2: the run has participants 0 to 1", unknown.getMessage());
        endpoint.close();
        assertThrows(IllegalStateException.class, () -> endpoint.send(0, 1, ByteBuffer.allocate(1)));
    }
}
