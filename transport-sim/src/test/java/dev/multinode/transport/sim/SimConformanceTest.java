package dev.multinode.transport.sim;

import dev.multinode.testkit.BarrierConformance;
import dev.multinode.testkit.BarrierFailureConformance;
import dev.multinode.testkit.DirectoryConformance;
import dev.multinode.testkit.FailureConformance;
import dev.multinode.testkit.FaultConformance;
import dev.multinode.testkit.LifecycleConformance;
import dev.multinode.testkit.MessagingConformance;
import dev.multinode.testkit.Mode;
import java.util.List;

/** The testkit's suites that need no sockets and no process of their own, over sim. */
class SimConformanceTest implements BarrierConformance, BarrierFailureConformance, FailureConformance,
        MessagingConformance, FaultConformance, DirectoryConformance, LifecycleConformance {

    @Override
    public List<Mode> modes() {
        return Mode.of(SimTransportProvider.NAME).toList();
    }
}
