package dev.multinode.runtime.conductor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The few assertions JUnit lacks. The conductor's tests use JUnit's own rather than a fluent
 * library, whose loading alone would take longer than the tests.
 */
final class Expect {

    private Expect() {
    }

    static void assertStartsWith(String prefix, String actual) {
        assertTrue(actual.startsWith(prefix), () -> "expected to start with\n  " + prefix + "\nbut was\n  " + actual);
    }

    static void assertEndsWith(String suffix, String actual) {
        assertTrue(actual.endsWith(suffix), () -> "expected to end with\n  " + suffix + "\nbut was\n  " + actual);
    }

    /** The list ends with these elements. */
    @SafeVarargs
    static <T> void assertEndsWith(List<T> actual, T... last) {
        int from = actual.size() - last.length;
        assertTrue(from >= 0 && actual.subList(from, actual.size()).equals(List.of(last)),
                () -> "expected to end with " + List.of(last) + " but was " + actual);
    }

    /** The expected elements appear in the list in this order, maybe with others between them. */
    @SafeVarargs
    static <T> void assertContainsInOrder(List<T> actual, T... expected) {
        int next = 0;
        for (T element : actual) {
            if (next < expected.length && element.equals(expected[next])) {
                next++;
            }
        }
        assertEquals(expected.length, next, () -> "expected " + List.of(expected) + " in this order in " + actual);
    }
}
