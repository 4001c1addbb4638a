package dev.multinode.examples.cluster.membership;

import dev.multinode.examples.cluster.net.Cancellable;
import dev.multinode.examples.cluster.net.Messaging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * This node's membership: joins through the seed, gossips the member table to one peer per round
 * (round-robin), merges what it receives and answers a sender whose table lacks something, and, when
 * this node is the leader, applies the {@link LeaderActions}. Once this node sees itself down or
 * removed it stops taking part.
 *
 * <p>{@link #view()} and {@link #when} may be called from any thread; every other method runs on the
 * cluster scheduler.
 */
public final class Membership {

    private final Messaging messaging;
    private final String self;
    private final int incarnation;
    private final String seed;
    private final Duration gossipInterval;
    private final Logger log;
    private final List<MembershipListener> listeners = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile ClusterView view = ClusterView.empty();
    private Cancellable gossipTimer = () -> { };
    private int nextPeer;
    private volatile boolean active;
    private boolean leaving;

    /**
     * @param messaging      this node's messaging
     * @param seed           the role every node joins through
     * @param gossipInterval the time between gossip rounds
     */
    public Membership(Messaging messaging, String seed, Duration gossipInterval) {
        this.messaging = messaging;
        this.self = messaging.self();
        this.incarnation = messaging.incarnation();
        this.seed = seed;
        this.gossipInterval = gossipInterval;
        this.log = messaging.log();
        messaging.handle(Join.class, this::onJoin);
        messaging.handle(Gossip.class, this::onGossip);
    }

    /** @return this node's role */
    public String self() {
        return self;
    }

    /** @return this node's current view; safe from any thread */
    public ClusterView view() {
        return view;
    }

    /** @return whether this node still takes part: started, and neither down, removed nor stopped */
    public boolean isActive() {
        return active;
    }

    /**
     * Adds a listener of view changes; runs on the cluster scheduler after what is already queued.
     *
     * @param listener the listener
     */
    public void addListener(MembershipListener listener) {
        messaging.scheduler().execute(() -> listeners.add(listener));
    }

    /**
     * Completes when this node's view first satisfies a condition, e.g.
     * {@code when(v -> v.upMembers().size() == 3)}. Safe from any thread.
     *
     * @param condition the condition, tested on the cluster scheduler
     * @return a future of the first view that satisfies it; fails if the cluster stops first
     */
    public CompletableFuture<ClusterView> when(Predicate<ClusterView> condition) {
        CompletableFuture<ClusterView> future = new CompletableFuture<>();
        return messaging.call(future, () -> {
            if (condition.test(view)) {
                future.complete(view);
            } else {
                waiters.add(new Waiter(condition, future));
            }
        });
    }

    /**
     * Enters the cluster: the seed's first incarnation founds it and is up at once; any other node,
     * and a restarted seed, joins.
     */
    public void start() {
        active = true;
        update(view.with(founds() ? Member.joining(self, incarnation).up(1) : Member.joining(self, incarnation)));
        askToJoin();
        gossipTimer = messaging.scheduler().scheduleRepeatedly(gossipInterval, this::gossipRound);
    }

    /**
     * Marks a joining or up member unreachable; other statuses stay.
     *
     * @param role the member
     */
    public void markUnreachable(String role) {
        view.member(role)
                .filter(m -> m.status() == MemberStatus.JOINING || m.status() == MemberStatus.UP)
                .ifPresent(m -> update(view.with(m.withStatus(MemberStatus.UNREACHABLE))));
    }

    /**
     * Marks an unreachable member reachable again: up if it has been up, else joining.
     *
     * @param role the member
     */
    public void markReachable(String role) {
        view.member(role)
                .filter(m -> m.status() == MemberStatus.UNREACHABLE)
                .ifPresent(m -> update(view.with(
                        m.withStatus(m.hasBeenUp() ? MemberStatus.UP : MemberStatus.JOINING))));
    }

    /**
     * Declares a member down; the leader then removes it.
     *
     * @param role the member
     */
    public void down(String role) {
        view.member(role)
                .filter(m -> !m.status().isTerminal())
                .ifPresent(m -> update(view.with(m.withStatus(MemberStatus.DOWN))));
    }

    /** Leaves gracefully: marks this node down and tells every member at once, so hand-over is fast. */
    public void leave() {
        if (!active) {
            return;
        }
        leaving = true;
        down(self);
        Gossip gossip = new Gossip(view.members());
        view.activeRoles().stream().filter(r -> !r.equals(self)).forEach(r -> messaging.send(r, gossip));
    }

    /** Stops gossiping and fails the pending {@link #when} futures. */
    public void stop() {
        deactivate();
        waiters.forEach(w -> w.future.completeExceptionally(
                new IllegalStateException("the cluster stopped on " + self + " before the condition held")));
        waiters.clear();
    }

    private void gossipRound() {
        if (!active) {
            return;
        }
        if (!joined()) {
            askToJoin();
        }
        if (view.leader().map(Member::role).filter(self::equals).isPresent()) {
            update(LeaderActions.apply(view));
        }
        nextPeer().ifPresent(peer -> messaging.send(peer, new Gossip(view.members())));
    }

    private boolean founds() {
        return self.equals(seed) && incarnation == 0;
    }

    /**
     * A restarted seed must not found a second cluster beside the one its first life founded, so it
     * asks every other role: whoever is a member answers.
     */
    private void askToJoin() {
        if (founds()) {
            return;
        }
        Join join = new Join(incarnation);
        if (self.equals(seed)) {
            messaging.roles().stream().filter(r -> !r.equals(self)).forEach(r -> messaging.send(r, join));
        } else {
            messaging.send(seed, join);
        }
    }

    private boolean joined() {
        return view.members().size() > 1;
    }

    /**
     * Gossips to members neither down nor removed: a node must not learn that it is down from news
     * queued while it was frozen, but from a member it talks to once it runs again.
     */
    private Optional<String> nextPeer() {
        List<String> peers = view.members().stream()
                .filter(m -> !m.status().isTerminal() && !m.role().equals(self)).map(Member::role).toList();
        if (peers.isEmpty()) {
            return Optional.empty();
        }
        nextPeer = (nextPeer + 1) % peers.size();
        return Optional.of(peers.get(nextPeer));
    }

    private void onJoin(String from, Join join) {
        if (!active) {
            return;
        }
        Optional<Member> known = view.member(from);
        if (known.isEmpty() || known.get().incarnation() < join.incarnation()) {
            // A new incarnation replaces the old one, whatever the old one's status.
            update(view.with(Member.joining(from, join.incarnation())));
        } else if (known.get().status() == MemberStatus.REMOVED) {
            log.warn("{} asked to join but was removed; only a new incarnation of it can join", from);
        }
        messaging.send(from, new Gossip(view.members()));
    }

    private void onGossip(String from, Gossip gossip) {
        if (!active) {
            return;
        }
        ClusterView incoming = ClusterView.of(gossip.members());
        if (isRemovedSender(from, incoming)) {
            // What a removed member believes (say, that it downed us while it was cut off) must not
            // spread; our table tells it that it is out.
            messaging.send(from, new Gossip(view.members()));
            return;
        }
        ClusterView merged = view.merge(incoming);
        update(merged);
        if (!merged.equals(incoming)) {
            messaging.send(from, new Gossip(merged.members()));
        }
    }

    private boolean isRemovedSender(String from, ClusterView incoming) {
        Optional<Member> known = view.member(from);
        int theirs = incoming.member(from).map(Member::incarnation).orElse(-1);
        return known.isPresent() && known.get().status() == MemberStatus.REMOVED && theirs <= known.get().incarnation();
    }

    private void update(ClusterView next) {
        ClusterView previous = view;
        if (next.equals(previous)) {
            return;
        }
        view = next;
        logChanges(previous, next);
        // before the listeners, so that they see that this node no longer takes part
        if (next.status(self).filter(MemberStatus::isTerminal).isPresent() && active) {
            if (leaving) {
                log.info("this node left the cluster");
            } else {
                log.warn("this node is {} in its own view; it no longer takes part in the cluster",
                        next.status(self).orElseThrow());
            }
            deactivate();
        }
        for (MembershipListener listener : List.copyOf(listeners)) {
            listener.onChange(previous, next);
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.condition.test(next)) {
                it.remove();
                waiter.future.complete(next);
            }
        }
    }

    private void deactivate() {
        active = false;
        gossipTimer.cancel();
    }

    private void logChanges(ClusterView previous, ClusterView next) {
        for (Member member : next.members()) {
            Optional<Member> before = previous.member(member.role());
            if (before.isEmpty() || before.get().status() != member.status()
                    || before.get().upNumber() != member.upNumber()
                    || before.get().incarnation() != member.incarnation()) {
                log.info("member {} (incarnation {}) is {}{}", member.role(), member.incarnation(), member.status(),
                        member.hasBeenUp() ? " #" + member.upNumber() : "");
            }
        }
    }

    private record Waiter(Predicate<ClusterView> condition, CompletableFuture<ClusterView> future) {
    }
}
