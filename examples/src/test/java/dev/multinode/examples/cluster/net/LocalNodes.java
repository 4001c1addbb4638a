package dev.multinode.examples.cluster.net;

import dev.multinode.Closer;
import dev.multinode.FaultListener;
import dev.multinode.Faults;
import dev.multinode.FrameHandler;
import dev.multinode.MultiNodeProbe;
import dev.multinode.Node;
import dev.multinode.NodeClock;
import dev.multinode.ProbeRef;
import dev.multinode.StopReason;
import dev.multinode.ThrowingRunnable;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multinode {@link Node}s in one JVM, just enough of them to run the cluster on real threads until
 * the multinode runtime can: frames go through a receiver thread per node, {@link Node#tell} lands in
 * a queue per probe, and each node has its own two-thread executor. Barriers, probes and faults are
 * the runtime's job and are not offered here.
 */
public final class LocalNodes implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** Every local node's clock: the JVM's, since these nodes know no clock faults. */
    private static final NodeClock TRUE_TIME = new NodeClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.system(zone);
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }
    };

    private final List<String> roles;
    private final Map<String, LocalNode> nodes = new LinkedHashMap<>();
    private final Map<ProbeRef, BlockingQueue<Object>> told = new ConcurrentHashMap<>();

    /**
     * @param roles the nodes' roles
     */
    public LocalNodes(String... roles) {
        this.roles = List.of(roles);
        for (String role : roles) {
            nodes.put(role, new LocalNode(role));
        }
    }

    /**
     * @param role a role
     * @return its node
     */
    public Node node(String role) {
        return nodes.get(role);
    }

    /**
     * @param probe a probe address
     * @return the messages told to it, in arrival order
     */
    public BlockingQueue<Object> told(ProbeRef probe) {
        return told.computeIfAbsent(probe, p -> new LinkedBlockingQueue<>());
    }

    /** Stops every node: its registered resources close in reverse order, then its threads stop. */
    @Override
    public void close() {
        try {
            for (LocalNode node : nodes.values()) {
                node.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the nodes", e);
        }
    }

    private final class LocalNode implements Node {

        private final String role;
        private final Logger log;
        private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
        private final ExecutorService receiver = Executors.newSingleThreadExecutor();
        private final List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());
        private final Random random = new Random(1);
        private volatile FrameHandler handler;

        LocalNode(String role) {
            this.role = role;
            this.log = LoggerFactory.getLogger("local." + role);
        }

        @Override
        public String role() {
            return role;
        }

        @Override
        public List<String> roles() {
            return roles;
        }

        @Override
        public boolean isRole(String... candidates) {
            return List.of(candidates).contains(role);
        }

        @Override
        public void send(String toRole, ByteBuffer frame) {
            LocalNode to = nodes.get(toRole);
            if (to == null) {
                throw new IllegalArgumentException("unknown role " + toRole + "; roles are " + roles);
            }
            byte[] bytes = new byte[frame.remaining()];
            frame.duplicate().get(bytes);
            to.receiver.execute(() -> {
                FrameHandler target = to.handler;
                if (target != null) {
                    target.onFrame(role, ByteBuffer.wrap(bytes).asReadOnlyBuffer());
                }
            });
        }

        @Override
        public void send(String toRole, byte[] frame) {
            send(toRole, ByteBuffer.wrap(frame));
        }

        @Override
        public void onReceive(FrameHandler frameHandler) {
            this.handler = frameHandler;
        }

        @Override
        public int maxFrameSize() {
            return 64 * 1024;
        }

        @Override
        public void tell(ProbeRef to, Object message) {
            told(to).add(message);
        }

        @Override
        public ProbeRef probeRef(String owner, String name) {
            return new ProbeRef(owner, name);
        }

        @Override
        public ScheduledExecutorService executor() {
            return executor;
        }

        @Override
        public <T extends AutoCloseable> T closeOnStop(T resource) {
            resources.add(resource);
            return resource;
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public Logger log() {
            return log;
        }

        void stop() throws InterruptedException {
            List<AutoCloseable> closing = new ArrayList<>(resources);
            Collections.reverse(closing);
            for (AutoCloseable resource : closing) {
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("closing {} failed", resource, e);
                }
            }
            executor.shutdownNow();
            receiver.shutdownNow();
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    || !receiver.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(role + "'s threads did not stop");
            }
        }

        @Override
        public void runOn(String onRole, ThrowingRunnable action) {
            throw new UnsupportedOperationException("runOn needs the multinode runtime");
        }

        @Override
        public void runOn(Set<String> onRoles, ThrowingRunnable action) {
            throw new UnsupportedOperationException("runOn needs the multinode runtime");
        }

        @Override
        public void enterBarrier(String... names) {
            throw new UnsupportedOperationException("barriers need the multinode runtime");
        }

        @Override
        public void enterBarrier(Duration timeout, String... names) {
            throw new UnsupportedOperationException("barriers need the multinode runtime");
        }

        @Override
        public MultiNodeProbe probe(String name) {
            throw new UnsupportedOperationException("probes need the multinode runtime; use told(ref)");
        }

        @Override
        public Faults faults() {
            throw new UnsupportedOperationException("faults need the multinode runtime");
        }

        @Override
        public int port(String name) {
            throw new UnsupportedOperationException("ports need the multinode runtime");
        }

        @Override
        public InetSocketAddress address(String ofRole, String name) {
            throw new UnsupportedOperationException("addresses need the multinode runtime");
        }

        @Override
        public InetSocketAddress sharedAddress(String ofRole, String name) {
            throw new UnsupportedOperationException("addresses need the multinode runtime");
        }

        @Override
        public void onFault(FaultListener listener) {
            throw new UnsupportedOperationException("faults need the multinode runtime");
        }

        @Override
        public void publish(String key, String value) {
            throw new UnsupportedOperationException("the shared directory needs the multinode runtime");
        }

        @Override
        public String lookup(String ofRole, String key, Duration timeout) {
            throw new UnsupportedOperationException("the shared directory needs the multinode runtime");
        }

        @Override
        public Map<String, String> exchange(String key, String value) {
            throw new UnsupportedOperationException("the shared directory needs the multinode runtime");
        }

        @Override
        public <T> T closeOnStop(T resource, Closer<? super T> closer) {
            resources.add(() -> closer.close(resource, StopReason.RUN_ENDED));
            return resource;
        }

        @Override
        public int incarnation() {
            return 0;
        }

        @Override
        public Path dataDir() {
            throw new UnsupportedOperationException("data folders need the multinode runtime");
        }

        @Override
        public NodeClock clock() {
            return TRUE_TIME;
        }
    }
}
