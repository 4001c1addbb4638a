package dev.multinode.examples.cluster.singleton;

import dev.multinode.examples.cluster.membership.ClusterView;
import dev.multinode.examples.cluster.membership.Membership;
import dev.multinode.examples.cluster.net.Messaging;
import dev.multinode.examples.cluster.routing.BufferFullException;
import dev.multinode.examples.cluster.routing.KeyedBuffer;
import dev.multinode.examples.cluster.routing.Request;
import dev.multinode.examples.cluster.routing.RequestKind;
import dev.multinode.examples.cluster.routing.Requests;
import dev.multinode.examples.cluster.routing.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * This node's side of every user singleton: {@link #start} declares a singleton here (do it on every
 * node that may host it, i.e. all of them), and {@link #proxy} reaches it. Requests go to the oldest
 * member; they wait in a bounded buffer while there is no oldest member able to take them, or, on the
 * oldest member, until the singleton has started there.
 *
 * <p>An instance runs, and handles messages, only while this node holds the {@link SingletonLease};
 * that is what keeps a host that was frozen from acting beside its successor.
 */
public final class Singletons {

    private final Messaging messaging;
    private final Membership membership;
    private final Requests requests;
    private final String self;
    private final Logger log;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<String, Hosted> hosted = new HashMap<>();
    private final KeyedBuffer<String, Waiting> buffer;
    private final SingletonLease lease;
    private volatile Set<String> runningHere = Set.of();
    private boolean stopped;

    /**
     * @param messaging  this node's messaging
     * @param membership this node's membership
     * @param requests   this node's request correlation
     * @param bufferSize the most messages waiting for singletons at once
     * @param lease      how long a host may act on one renewal of its lease
     */
    public Singletons(Messaging messaging, Membership membership, Requests requests, int bufferSize,
                      Duration lease) {
        this.messaging = messaging;
        this.membership = membership;
        this.requests = requests;
        this.self = messaging.self();
        this.log = messaging.log();
        this.buffer = new KeyedBuffer<>(bufferSize);
        this.lease = new SingletonLease(messaging, membership, lease, () -> onView(membership.view()));
        messaging.handle(SingletonEnvelope.class,
                (from, envelope) -> route(new Waiting(envelope.request().forwarded(), null)));
        membership.addListener((previous, current) -> onView(current));
    }

    /**
     * Declares a singleton on this node: it will run here whenever this node is the oldest member.
     *
     * @param name    the singleton's name, the same on every node
     * @param factory creates its instance
     * @throws IllegalArgumentException if a singleton of that name was already started on this node
     */
    public void start(String name, SingletonFactory factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (!names.add(name)) {
            throw new IllegalArgumentException("singleton " + name + " is already started on " + self);
        }
        messaging.scheduler().execute(() -> {
            Hosted singleton = new Hosted(name, factory);
            hosted.put(name, singleton);
            singleton.manager.onView(membership.view(), lease.isValid());
            afterChange();
        });
    }

    /**
     * @param name the singleton's name
     * @return a proxy to it, usable from any thread; the singleton need not be started on this node
     */
    public SingletonProxy proxy(String name) {
        return new SingletonProxy(Objects.requireNonNull(name, "name"), this);
    }

    /**
     * @param name a singleton's name
     * @return whether its instance runs on this node now
     */
    public boolean isRunningHere(String name) {
        return runningHere.contains(name);
    }

    /**
     * Stops every instance on this node, gives the lease back and fails the waiting messages; on the
     * cluster scheduler.
     */
    public void stop() {
        stopped = true;
        hosted.values().forEach(h -> h.manager.stop());
        lease.want(false);
        runningHere = Set.of();
        failWaiting(new IllegalStateException("the cluster stopped on " + self));
    }

    CompletableFuture<Void> tell(String name, String message) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        return messaging.call(sent, () -> route(new Waiting(requests.tell(name, message), sent)));
    }

    CompletableFuture<String> ask(String name, String message, Duration timeout) {
        return request(name, RequestKind.ASK, message, timeout);
    }

    CompletableFuture<String> whereIs(String name, Duration timeout) {
        return request(name, RequestKind.WHERE, "", timeout);
    }

    private CompletableFuture<String> request(String name, RequestKind kind, String message, Duration timeout) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        return messaging.call(reply,
                () -> route(new Waiting(requests.expect(name, kind, message, timeout, reply), null)));
    }

    private void onView(ClusterView view) {
        if (stopped) {
            return;
        }
        boolean leaseValid = lease.isValid();
        hosted.values().forEach(h -> h.manager.onView(view, leaseValid));
        // after the instances stopped, so that giving the lease back never precedes their stop
        lease.want(membership.isActive() && SingletonLocation.runsOn(view, self));
        afterChange();
    }

    private void afterChange() {
        runningHere = hosted.values().stream().filter(h -> h.manager.isRunning()).map(h -> h.name)
                .collect(Collectors.toUnmodifiableSet());
        if (!membership.isActive()) {
            failWaiting(notAMember());
            return;
        }
        for (String name : buffer.keys()) {
            if (routable(name)) {
                buffer.drain(name).forEach(this::route);
            }
        }
    }

    private boolean routable(String name) {
        Optional<String> target = SingletonLocation.target(membership.view(), self);
        return target.isPresent() && (!target.get().equals(self) || (runningHere.contains(name) && lease.isValid()));
    }

    private void failWaiting(IllegalStateException why) {
        buffer.drainAll().forEach(w -> w.fail(requests, why));
    }

    /** A node out of the cluster (removed, or left) knows no host it could trust, so it says so. */
    private IllegalStateException notAMember() {
        return new IllegalStateException(self + " is not a member of the cluster any more");
    }

    private void route(Waiting item) {
        Request request = item.request();
        if (!membership.isActive()) {
            item.fail(requests, notAMember());
            return;
        }
        Optional<String> target = SingletonLocation.target(membership.view(), self);
        if (target.isPresent() && !target.get().equals(self)) {
            if (request.exhausted()) {
                item.fail(requests, new IllegalStateException("singleton " + request.target()
                        + " could not be reached: forwarded " + request.hops() + " times while it moved"));
                return;
            }
            messaging.send(target.get(), new SingletonEnvelope(request));
            item.markSent();
            return;
        }
        Hosted here = hosted.get(request.target());
        if (target.isPresent() && here != null && here.manager.isRunning() && lease.isValid()) {
            requests.answer(request, self, () -> here.instance.current());
            item.markSent();
            return;
        }
        if (!buffer.offer(request.target(), item)) {
            BufferFullException full = new BufferFullException("singleton " + request.target(), buffer.capacity());
            log.warn(full.getMessage());
            item.fail(requests, full);
        }
    }

    /** One singleton declared on this node, and its instance while it runs here. */
    private final class Hosted {

        private final String name;
        private final SingletonInstance instance;
        private final SingletonManager manager;

        Hosted(String name, SingletonFactory factory) {
            this.name = name;
            this.instance = new SingletonInstance(new SingletonContext(name, self), factory);
            this.manager = new SingletonManager(name, self, instance, log);
        }
    }
}
