package dev.multinode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multinode.Await;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** Checks that a run leaves no thread behind. */
final class Threads {

    private Threads() {
    }

    static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet();
    }

    /** Waits (bounded) until every thread started since {@code before} has ended. */
    static void assertNoneLeftSince(Set<Thread> before) {
        Await.awaitAssert(() -> {
            Set<String> left = new TreeSet<>();
            for (Thread thread : live()) {
                if (!before.contains(thread) && thread.isAlive() && !isJvmService(thread)) {
                    left.add(thread.getName());
                }
            }
            assertEquals(Set.of(), left, "threads left behind by the run");
        }, Duration.ofSeconds(10));
    }

    /** Threads the JVM or JUnit may start on their own at any time. */
    private static boolean isJvmService(Thread thread) {
        String name = thread.getName();
        return name.startsWith("process reaper") || name.startsWith("Common-Cleaner") || name.startsWith("Attach Listener")
                || name.startsWith("ForkJoinPool.commonPool") || name.startsWith("surefire-forkedjvm");
    }
}
