package dev.multinode.runtime.node;

import dev.multinode.runtime.codec.MessageCodec;
import dev.multinode.runtime.testing.FakeEndpoint;
import dev.multinode.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of node-a, in a run of node-a, node-b and node-c, wired as {@link NodeRuntime} wires
 * them but on a {@link FakeEndpoint} and without a receiver thread: a test plays the receiver by
 * calling the parts itself. Its waits are the system's.
 */
final class FakeNode implements AutoCloseable {

    static final int CONDUCTOR = 0;
    static final int NODE_A = 1;
    static final int NODE_B = 2;
    static final int NODE_C = 3;
    static final int MAX_FRAME = 1024;
    static final int TRANSPORT_FRAME = 65536;

    final Logger log = LoggerFactory.getLogger("multinode.node.test");
    final FakeEndpoint endpoint = new FakeEndpoint(NODE_A);
    final Participants participants = new Participants("node-a", List.of("node-a", "node-b", "node-c"));
    final NodeControl control = new NodeControl("node-a", log, Scheduler.system());
    final RelayFaults relayFaults = new RelayFaults(participants.count());
    final NodeRelays relays = new NodeRelays("node-a", participants.count(), relayFaults, log);
    final TrafficCounter traffic = new TrafficCounter(participants.count(), relays);
    final FaultListeners listeners = new FaultListeners(control);
    final SendBuffers buffers = new SendBuffers(TRANSPORT_FRAME);
    final ConductorLink link = new ConductorLink(endpoint, buffers, traffic);
    final LinkFilter filter = new LinkFilter(NODE_A, participants.count(), 42);
    final PauseGate gate = new PauseGate(control, Scheduler.system());
    final NodeResources resources = new NodeResources("node-a", log, endpoint, gate, Scheduler.system());
    final NodeMessaging messaging = new NodeMessaging(participants, MAX_FRAME, endpoint, filter, traffic, buffers,
            new MessageCodec(List.of()), resources, control, gate, Scheduler.system(), log);
    final FakeTime time = new FakeTime();
    final AdjustableClock clock = time.clock();
    final FaultApplier faultApplier = new FaultApplier(filter, clock, control, resources, link, gate, messaging, relayFaults,
            listeners, traffic, participants);

    /** @return a barrier client that waits {@code grace} beyond a barrier's timeout for a verdict */
    BarrierClient barriers(Duration grace) {
        return new BarrierClient(control, link, grace, () -> true, Scheduler.system());
    }

    @Override
    public void close() {
        relays.close();
        resources.release();
    }
}
