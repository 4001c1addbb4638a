package dev.multinode.examples.cluster.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages waiting per key (a shard, a singleton name), in arrival order, with one limit on their
 * total number. Not thread-safe: it lives on the cluster scheduler.
 *
 * @param <K> the key
 * @param <V> the waiting message
 */
public final class KeyedBuffer<K, V> {

    private final int capacity;
    private final Map<K, Deque<V>> waiting = new LinkedHashMap<>();
    private int size;

    /**
     * @param capacity the most messages held at once, over all keys
     * @throws IllegalArgumentException if the capacity is not positive
     */
    public KeyedBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** @return the most messages held at once */
    public int capacity() {
        return capacity;
    }

    /** @return the number of messages held */
    public int size() {
        return size;
    }

    /**
     * @param key   the key
     * @param value the message
     * @return false, keeping nothing, if the buffer is full
     */
    public boolean offer(K key, V value) {
        if (size == capacity) {
            return false;
        }
        waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).add(value);
        size++;
        return true;
    }

    /**
     * @param key a key
     * @return whether messages wait under it
     */
    public boolean contains(K key) {
        return waiting.containsKey(key);
    }

    /** @return the keys with waiting messages, in the order they first got one */
    public List<K> keys() {
        return List.copyOf(waiting.keySet());
    }

    /**
     * Takes every message of one key.
     *
     * @param key the key
     * @return its messages in arrival order; empty if none
     */
    public List<V> drain(K key) {
        Deque<V> values = waiting.remove(key);
        if (values == null) {
            return List.of();
        }
        size -= values.size();
        return new ArrayList<>(values);
    }

    /**
     * Takes every message.
     *
     * @return all messages, grouped by key
     */
    public List<V> drainAll() {
        List<V> all = new ArrayList<>(size);
        waiting.values().forEach(all::addAll);
        waiting.clear();
        size = 0;
        return all;
    }
}
