package dev.multinode.transport.sim;

import dev.multinode.testkit.BarrierConformance;
import dev.multinode.testkit.BarrierFailureConformance;
import dev.multinode.testkit.DirectoryConformance;
import dev.multinode.testkit.FailureConformance;
import dev.multinode.testkit.FaultConformance;
import dev.multinode.testkit.LeakConformance;
import dev.multinode.testkit.LifecycleConformance;
import dev.multinode.testkit.MessagingConformance;
import dev.multinode.testkit.Mode;
import java.util.List;

/**
 * The testkit's suites that run specs needing no sockets and no process of their own, over sim.
 * The others cannot run in a simulation:
 * <ul>
 *   <li>{@code PortConformance} and {@code RelayConformance} use the nodes' ports and addresses, which
 *       a simulated run refuses: it has no sockets;</li>
 *   <li>{@code ProcessConformance} runs process nodes only, and sim runs threads only;</li>
 *   <li>{@code AllocationConformance}, {@code ConcurrentSendConformance} and {@code FrameWaitConformance}
 *       open the transport's endpoints directly from the test's own threads, which are not the
 *       scheduler's: nothing drives the simulation, so no frame ever arrives;</li>
 *   <li>{@code IgnoredAbortConformance}'s body ignores the abort, waiting outside the scheduler, and a
 *       simulation stops at such a wait; a body ignoring it while parking through the scheduler would
 *       not do either, since a simulation runs every thread until it ends, where a real run leaves
 *       the body running and reports it.</li>
 * </ul>
 */
class SimConformanceTest implements BarrierConformance, BarrierFailureConformance, FailureConformance,
        MessagingConformance, FaultConformance, DirectoryConformance, LifecycleConformance, LeakConformance {

    @Override
    public List<Mode> modes() {
        return Mode.of(SimTransportProvider.NAME).toList();
    }
}
