package dev.multinode.examples.cluster.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedBufferTest {

    @Test
    void keepsArrivalOrderPerKeyAndKeysInFirstArrivalOrder() {
        KeyedBuffer<Integer, String> buffer = new KeyedBuffer<>(10);
        buffer.offer(7, "a");
        buffer.offer(3, "b");
        buffer.offer(7, "c");
        assertEquals(List.of(7, 3), buffer.keys());
        assertEquals(List.of("a", "c"), buffer.drain(7));
        assertEquals(1, buffer.size());
        assertFalse(buffer.contains(7));
        assertEquals(List.of(), buffer.drain(7));
    }

    @Test
    void theLimitCoversAllKeysAndFreesUpWhenDrained() {
        KeyedBuffer<String, Integer> buffer = new KeyedBuffer<>(2);
        assertTrue(buffer.offer("x", 1));
        assertTrue(buffer.offer("y", 2));
        assertFalse(buffer.offer("z", 3));
        assertFalse(buffer.contains("z"));
        buffer.drain("x");
        assertTrue(buffer.offer("z", 3));
        assertEquals(List.of(2, 3), buffer.drainAll());
        assertEquals(0, buffer.size());
    }

    @Test
    void aNonPositiveCapacityIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KeyedBuffer<>(0));
        assertEquals("capacity must be positive, got 0", e.getMessage());
    }
}
