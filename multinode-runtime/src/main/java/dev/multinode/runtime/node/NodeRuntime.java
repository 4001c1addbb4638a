package dev.multinode.runtime.node;

import dev.multinode.NodeBody;
import dev.multinode.runtime.codec.MessageCodec;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a run: wires the node's parts (control state, the link to the conductor, barriers,
 * messaging beneath the fault filter, fault application, the shared directory and the node's ports,
 * resources, the node's clock, the receiver
 * thread and the {@link dev.multinode.Node} the body sees) and lives its life. The same class
 * serves every launch mode; only the thread that calls {@link #run} differs. Every thread the node
 * creates, every wait and every reading of time go through the run's {@link Scheduler}.
 */
public final class NodeRuntime {

    private final NodeLifecycle lifecycle;
    private final NodeFacade node;
    private final BarrierClient barriers;

    /**
     * @param config    who this node is and the run's settings it needs
     * @param endpoint  this node's endpoint on the run's transport
     * @param scheduler the run's scheduler ({@link dev.multinode.spi.Transport#scheduler()})
     */
    public NodeRuntime(NodeConfig config, Endpoint endpoint, Scheduler scheduler) {
        Logger log = LoggerFactory.getLogger("multinode.node." + config.role());
        Participants participants = new Participants(config.role(), config.roles());
        SendBuffers buffers = new SendBuffers(config.transportFrameSize());
        RelayFaults relayFaults = new RelayFaults(participants.count());
        NodeRelays relays = new NodeRelays(config.role(), participants.count(), relayFaults, log);
        TrafficCounter traffic = new TrafficCounter(participants.count(), relays);
        NodeControl control = new NodeControl(config.role(), log, scheduler);
        PauseGate gate = new PauseGate(control, scheduler);
        ConductorLink link = new ConductorLink(endpoint, buffers, traffic);
        NodeResources resources = new NodeResources(config.role(), log, endpoint, gate, scheduler);
        LinkFilter filter = new LinkFilter(endpoint.participant(), participants.count(), config.seed());
        // In a debug run the conductor's deadlines leave out suspended time: the node's own bounds must not fire first.
        boolean debugRun = config.debuggedRole() != null;
        FrameWait receiverWait = IdleStrategies.receiver(endpoint, scheduler);
        BarrierClient barriers = new BarrierClient(control, link,
                debugRun ? NodeConfig.DEBUG_RUN_BOUND : BarrierClient.CONDUCTOR_GRACE, receiverWait::endpointWaits,
                scheduler);
        FaultsClient faults = new FaultsClient(control, link, participants, gate,
                debugRun ? NodeConfig.DEBUG_RUN_BOUND : FaultsClient.ANSWER_BOUND, scheduler, log);
        DirectoryClient directory = new DirectoryClient(control, link, participants, gate, config.barrierTimeout(),
                debugRun ? NodeConfig.DEBUG_RUN_BOUND : BarrierClient.CONDUCTOR_GRACE, config.transportFrameSize(),
                scheduler);
        AdjustableClock clock = new AdjustableClock(scheduler);
        FaultListeners listeners = new FaultListeners(control);
        NodeMessaging messaging = new NodeMessaging(participants, config.maxFrameSize(), endpoint, filter, traffic,
                buffers, new MessageCodec(config.allowed()), resources, control, gate, scheduler, log);
        NodeReceiver receiver = new NodeReceiver(endpoint, config.transportFrameSize(), control, link, messaging,
                barriers, new FaultApplier(filter, clock, control, resources, link, gate, messaging, relayFaults, listeners,
                traffic, participants), faults, directory, resources, receiverWait, log);
        this.lifecycle = new NodeLifecycle(config, control, link, barriers, receiver, messaging, resources, scheduler,
                log);
        NodePorts ports = new NodePorts(directory, participants, relays, config.incarnation(), config.barrierTimeout(),
                scheduler.isSimulated());
        // the relays close with the system's own sockets: on a kill before it confirms, else at the end
        resources.register(relays, (closing, reason) -> closing.close());
        this.barriers = barriers;
        this.node = new NodeFacade(config, participants, barriers, messaging, faults, directory, ports, listeners, resources,
                gate, clock, log);
    }

    /**
     * For a conductor in this JVM: the barrier this node waits at released, as a RELEASE frame says;
     * callable from any thread.
     *
     * @param barrier the barrier's name
     */
    public void barrierReleased(String barrier) {
        barriers.released(barrier);
    }

    /**
     * Lives the node's whole life on the calling thread: announces itself, waits for the start,
     * runs the body, reports the outcome, serves the others until the conductor says stop, then
     * releases everything.
     *
     * @param body the body to run
     * @return the outcome
     */
    public NodeOutcome run(NodeBody body) {
        return lifecycle.live(body, node);
    }
}
