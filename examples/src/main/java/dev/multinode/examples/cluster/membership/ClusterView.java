package dev.multinode.examples.cluster.membership;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable member table: one {@link Member} per role (its latest known incarnation), as one node
 * sees the cluster.
 */
public final class ClusterView {

    private static final ClusterView EMPTY = new ClusterView(new TreeMap<>());

    private final Map<String, Member> members;

    private ClusterView(TreeMap<String, Member> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    /** @return the view without members */
    public static ClusterView empty() {
        return EMPTY;
    }

    /**
     * @param entries entries; several entries of one role are merged
     * @return the view of those entries
     */
    public static ClusterView of(Collection<Member> entries) {
        TreeMap<String, Member> map = new TreeMap<>();
        for (Member member : entries) {
            map.merge(member.role(), member, Member::merge);
        }
        return new ClusterView(map);
    }

    /** @return every entry, removed members included, ordered by role */
    public List<Member> members() {
        return List.copyOf(members.values());
    }

    /**
     * @param role a role
     * @return that role's entry, if the view has one
     */
    public Optional<Member> member(String role) {
        return Optional.ofNullable(members.get(role));
    }

    /**
     * @param role a role
     * @return that role's status, if the view has an entry for it
     */
    public Optional<MemberStatus> status(String role) {
        return member(role).map(Member::status);
    }

    /**
     * @param role   a role
     * @param status a status
     * @return whether the role has that status here
     */
    public boolean hasStatus(String role, MemberStatus status) {
        Member member = members.get(role);
        return member != null && member.status() == status;
    }

    /**
     * @param role a role
     * @return whether the role is in the view and not removed
     */
    public boolean isMember(String role) {
        Member member = members.get(role);
        return member != null && member.status() != MemberStatus.REMOVED;
    }

    /** @return the members whose status is {@link MemberStatus#UP}, oldest first */
    public List<Member> upMembers() {
        return members.values().stream().filter(m -> m.status() == MemberStatus.UP).sorted(Member.BY_AGE).toList();
    }

    /** @return the roles of members not removed, ordered by role */
    public List<String> activeRoles() {
        return members.values().stream().filter(m -> m.status() != MemberStatus.REMOVED).map(Member::role).toList();
    }

    /**
     * The oldest member: the lowest up-number among the members that have been up and are not
     * removed. An unreachable or down member stays the oldest until it is removed, which is what
     * makes singleton hand-over wait for the removal.
     *
     * @return the oldest member, if any has been up
     */
    public Optional<Member> oldest() {
        return members.values().stream()
                .filter(m -> m.hasBeenUp() && m.status() != MemberStatus.REMOVED)
                .min(Member.BY_AGE);
    }

    /** @return the leader: the oldest member that is {@link MemberStatus#UP} */
    public Optional<Member> leader() {
        return members.values().stream().filter(m -> m.status() == MemberStatus.UP).min(Member.BY_AGE);
    }

    /**
     * @return the highest up-number of this view's entries, removed members included; a new
     *         incarnation's entry drops its role's old number, which only that role ever held
     */
    public int maxUpNumber() {
        return members.values().stream().mapToInt(Member::upNumber).max().orElse(0);
    }

    /**
     * @param member an entry
     * @return this view with that entry replacing the role's entry
     */
    public ClusterView with(Member member) {
        TreeMap<String, Member> map = new TreeMap<>(members);
        map.put(member.role(), member);
        return new ClusterView(map);
    }

    /**
     * @param other another view
     * @return the entry-by-entry merge of both views
     */
    public ClusterView merge(ClusterView other) {
        TreeMap<String, Member> map = new TreeMap<>(members);
        other.members.values().forEach(m -> map.merge(m.role(), m, Member::merge));
        return new ClusterView(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterView view && members.equals(view.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (Member m : members.values()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(m.role());
            if (m.incarnation() > 0) {
                text.append('/').append(m.incarnation());
            }
            text.append(' ').append(m.status());
            if (m.hasBeenUp()) {
                text.append(" #").append(m.upNumber());
            }
        }
        return text.append(']').toString();
    }
}
