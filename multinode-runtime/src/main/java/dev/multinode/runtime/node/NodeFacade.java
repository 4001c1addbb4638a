package dev.multinode.runtime.node;

import dev.multinode.Closer;
import dev.multinode.FaultListener;
import dev.multinode.Faults;
import dev.multinode.FrameHandler;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.NodeClock;
import dev.multinode.ProbeRef;
import dev.multinode.ThrowingRunnable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;

/** The {@link Node} a body sees: each call goes to the part of the node that owns it. */
final class NodeFacade implements Node {

    private final NodeConfig config;
    private final Participants participants;
    private final BarrierClient barriers;
    private final NodeMessaging messaging;
    private final FaultsClient faults;
    private final DirectoryClient directory;
    private final NodePorts ports;
    private final FaultListeners listeners;
    private final NodeResources resources;
    private final PauseGate gate;
    private final AdjustableClock clock;
    private final Logger log;
    private final Random random;

    NodeFacade(NodeConfig config, Participants participants, BarrierClient barriers, NodeMessaging messaging,
               FaultsClient faults, DirectoryClient directory, NodePorts ports, FaultListeners listeners,
               NodeResources resources, PauseGate gate, AdjustableClock clock, Logger log) {
        this.listeners = listeners;
        this.gate = gate;
        this.config = config;
        // one stream per node and incarnation: a node's draws do not shift when another draws more
        this.random = new Random(config.seed() ^ (0x9E3779B97F4A7C15L * (31L * config.roles().indexOf(config.role())
                + config.incarnation() + 1)));
        this.participants = participants;
        this.barriers = barriers;
        this.messaging = messaging;
        this.faults = faults;
        this.directory = directory;
        this.ports = ports;
        this.resources = resources;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public String role() {
        return participants.self();
    }

    @Override
    public List<String> roles() {
        return participants.roles();
    }

    @Override
    public boolean isRole(String... roles) {
        return participants.isAnyOf(roles);
    }

    @Override
    public void runOn(String role, ThrowingRunnable action) throws Exception {
        if (participants.isSelf(role)) {
            action.run();
        }
    }

    @Override
    public void runOn(Set<String> roles, ThrowingRunnable action) throws Exception {
        if (participants.includesSelf(roles)) {
            action.run();
        }
    }

    @Override
    public void enterBarrier(String... names) {
        enterBarrier(config.barrierTimeout(), names);
    }

    /** A paused node's body waits at the gate before it enters and after it is released. */
    @Override
    public void enterBarrier(Duration timeout, String... names) {
        gate.pass();
        barriers.enter(timeout, names);
        gate.pass();
    }

    @Override
    public void send(String toRole, ByteBuffer frame) {
        messaging.send(toRole, frame);
    }

    @Override
    public void send(String toRole, byte[] frame) {
        messaging.send(toRole, ByteBuffer.wrap(frame));
    }

    @Override
    public void onReceive(FrameHandler handler) {
        messaging.onReceive(handler);
    }

    @Override
    public int maxFrameSize() {
        return messaging.maxFrameSize();
    }

    @Override
    public MultiNodeProbe probe(String name) {
        return messaging.probe(name);
    }

    @Override
    public ProbeRef probeRef(String role, String name) {
        return messaging.probeRef(role, name);
    }

    @Override
    public void tell(ProbeRef to, Object message) {
        messaging.tell(to, message);
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public int port(String name) {
        return ports.port(name);
    }

    @Override
    public InetSocketAddress address(String role, String name) {
        return ports.address(role, name);
    }

    @Override
    public InetSocketAddress sharedAddress(String role, String name) {
        return ports.sharedAddress(role, name);
    }

    @Override
    public void onFault(FaultListener listener) {
        listeners.add(listener);
    }

    @Override
    public void publish(String key, String value) {
        directory.publish(key, value);
    }

    @Override
    public String lookup(String role, String key, Duration timeout) {
        return directory.lookup(role, key, timeout);
    }

    @Override
    public Map<String, String> exchange(String key, String value) {
        return directory.exchange(key, value);
    }

    @Override
    public ScheduledExecutorService executor() {
        return resources.executor();
    }

    @Override
    public <T extends AutoCloseable> T closeOnStop(T resource) {
        return resources.register(resource, (closeable, reason) -> closeable.close());
    }

    @Override
    public <T> T closeOnStop(T resource, Closer<? super T> closer) {
        if (resource == null || closer == null) {
            throw new IllegalArgumentException("closeOnStop(" + resource + ", " + closer + "): neither may be null");
        }
        return resources.register(resource, closer);
    }

    @Override
    public int incarnation() {
        return config.incarnation();
    }

    @Override
    public Path dataDir() {
        try {
            return Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + config.dataDir() + " of " + role(), e);
        }
    }

    @Override
    public NodeClock clock() {
        return clock;
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Logger log() {
        return log;
    }
}
