package dev.multinode.examples.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceLedgerTest {

    private final InstanceLedger ledger = new InstanceLedger();

    @Test
    void aStartAfterTheOldInstanceDiedOrStoppedIsAHandOver() {
        ledger.record("started@node-a");
        ledger.died("node-a");
        ledger.record("started@node-b");
        ledger.record("stopped@node-b");
        ledger.record("started@node-c");

        assertEquals(Set.of("node-c"), ledger.running());
        assertEquals(3, ledger.starts());
        assertEquals(List.of("started@node-a", "died@node-a", "started@node-b", "stopped@node-b", "started@node-c"),
                ledger.history());
    }

    @Test
    void aStartWhileAnotherInstanceRunsFails() {
        ledger.record("started@node-a");

        AssertionError failure = assertThrows(AssertionError.class, () -> ledger.record("started@node-b"));

        assertEquals("two instances at once: node-b started while [node-a] ran; events so far "
                + "[started@node-a, started@node-b]", failure.getMessage());
    }

    @Test
    void aSecondStartOnTheSameHostWithoutAStopFails() {
        ledger.record("started@node-a");

        assertThrows(AssertionError.class, () -> ledger.record("started@node-a"));
    }

    @Test
    void aStopOfAnotherHostDoesNotEndTheRunningInstance() {
        ledger.record("started@node-a");
        ledger.record("stopped@node-b");

        assertThrows(AssertionError.class, () -> ledger.record("started@node-b"));
    }

    @Test
    void anUnknownEventFailsNamingIt() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ledger.record("hello"));

        assertEquals("unexpected event 'hello', expected started@<host>, acted@<host> or stopped@<host>; events so far "
                        + "[hello]",
                failure.getMessage());
    }
    @Test
    void aSuccessorMayStartBesideAFrozenInstanceWhichMayThenOnlyStop() {
        ledger.record("started@node-a");
        ledger.record("acted@node-a");
        ledger.paused("node-a");
        ledger.record("started@node-b");
        ledger.record("acted@node-b");
        ledger.resumed("node-a");
        ledger.record("stopped@node-a");
        ledger.record("acted@node-b");

        assertEquals(Set.of("node-b"), ledger.running());
        assertEquals(2, ledger.starts());
    }

    @Test
    void aSupersededInstanceThatActsFails() {
        ledger.record("started@node-a");
        ledger.paused("node-a");
        ledger.record("started@node-b");
        ledger.resumed("node-a");

        AssertionError failure = assertThrows(AssertionError.class, () -> ledger.record("acted@node-a"));

        assertEquals("two instances at once: the instance on node-a acted after another started beside it while it "
                + "was frozen; events so far [started@node-a, paused@node-a, started@node-b, resumed@node-a, "
                + "acted@node-a]", failure.getMessage());
        assertEquals(Set.of("node-b"), ledger.running());
    }

    @Test
    void aStartBesideAResumedInstanceThatWasNotSupersededFails() {
        ledger.record("started@node-a");
        ledger.paused("node-a");
        ledger.resumed("node-a");

        assertThrows(AssertionError.class, () -> ledger.record("started@node-b"));
    }

    @Test
    void anActWhereNoInstanceRunsFails() {
        ledger.record("started@node-a");
        ledger.record("stopped@node-a");

        assertThrows(AssertionError.class, () -> ledger.record("acted@node-a"));
    }
}
