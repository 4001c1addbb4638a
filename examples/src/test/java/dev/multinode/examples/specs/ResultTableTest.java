package dev.multinode.examples.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.LaunchMode;
import dev.multinode.testkit.Mode;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private final ResultTable table = new ResultTable();

    @Test
    void oneRunShowsItsResultAndTime() {
        table.add("pub-sub across nodes", new Mode("tcp", LaunchMode.PROCESS), 1, new long[] {1749});

        assertTrue(table.allPassed());
        assertEquals("""
                spec                   transport/launch   result         wall time
                pub-sub across nodes   tcp/process        passed         1.7 s
                """, table.render());
    }

    @Test
    void severalRunsShowThePassCountTheMedianAndTheRange() {
        table.add("singleton failover", new Mode("inproc", LaunchMode.THREAD), 0, new long[] {3100});
        table.add("sharding rebalance", new Mode("chronicle", LaunchMode.PROCESS), 2, new long[] {4000, 2000, 3000});

        assertFalse(table.allPassed());
        assertEquals("""
                spec                   transport/launch   result         wall time
                singleton failover     inproc/thread      FAILED         3.1 s
                sharding rebalance     chronicle/process  2/3 passed     median 3.0 s (2.0 s to 4.0 s)
                """, table.render());
    }
}
