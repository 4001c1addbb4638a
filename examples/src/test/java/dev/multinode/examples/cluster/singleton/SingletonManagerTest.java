package dev.multinode.examples.cluster.singleton;

import static dev.multinode.examples.cluster.membership.MemberStatus.REMOVED;
import static dev.multinode.examples.cluster.membership.MemberStatus.UNREACHABLE;
import static dev.multinode.examples.cluster.membership.MemberStatus.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Member;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SingletonManagerTest {

    private final List<String> calls = new ArrayList<>();
    private boolean failStart;

    private final SingletonManager onB = new SingletonManager("s", "b", new SingletonLifecycle() {
        @Override
        public void start() {
            calls.add("start");
            if (failStart) {
                throw new IllegalStateException("cannot start");
            }
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }, LoggerFactory.getLogger(SingletonManagerTest.class));

    private static ClusterView view(Member... members) {
        return ClusterView.of(List.of(members));
    }

    @Test
    void startsOnceWhenThisNodeBecomesTheOldestAndStopsWhenItIsNoLonger() {
        ClusterView aOldest = view(new Member("a", 0, UP, 1, 2), new Member("b", 0, UP, 2, 2));
        onB.onView(aOldest);
        assertEquals(List.of(), calls);
        onB.onView(aOldest.with(new Member("a", 0, UNREACHABLE, 1, 3)));
        assertEquals(List.of(), calls, "no hand-over while a is only unreachable");
        ClusterView bOldest = aOldest.with(new Member("a", 0, REMOVED, 1, 5));
        onB.onView(bOldest);
        onB.onView(bOldest);
        assertEquals(List.of("start"), calls);
        assertTrue(onB.isRunning());
        onB.onView(bOldest.with(new Member("b", 0, REMOVED, 2, 3)));
        assertEquals(List.of("start", "stop"), calls);
        assertFalse(onB.isRunning());
    }

    @Test
    void aFailedStartIsRetriedAtTheNextViewChange() {
        ClusterView bOldest = view(new Member("b", 0, UP, 1, 2));
        failStart = true;
        onB.onView(bOldest);
        assertFalse(onB.isRunning());
        failStart = false;
        onB.onView(bOldest);
        assertTrue(onB.isRunning());
        onB.stop();
        onB.stop();
        assertEquals(List.of("start", "start", "stop"), calls);
    }
}
