package dev.multinode.examples.cluster.membership;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.Objects;

/**
 * One member's entry in the member table.
 *
 * <p>A member is one incarnation of a role: a node that restarts joins as a new member, whose entry
 * replaces the old incarnation's, as a new process on an address replaces the old one in Akka. The
 * role is the address, and one address holds one process, so a new incarnation proves the old one
 * is gone; the old one's entry never comes back, whatever it was.
 *
 * <p>Entries of the same role merge deterministically, whatever the order: the higher incarnation
 * wins outright; within one incarnation {@link MemberStatus#REMOVED} beats {@link MemberStatus#DOWN},
 * which beats every other status; otherwise the higher version wins, and on equal versions the later
 * status. The up-number is assigned once per incarnation, so the merge keeps the larger one.
 *
 * @param role        the member's role
 * @param incarnation which life of the role this is: 0 at its first start, one more per restart
 * @param status      its status
 * @param upNumber    its position in the order of becoming up, from 1; 0 while it has never been up
 * @param version     incremented by every change of this entry
 */
public record Member(String role, int incarnation, MemberStatus status, int upNumber, long version) {

    /** The fewest bytes an encoded member takes: empty role, incarnation, status, up-number, version. */
    public static final int MIN_ENCODED_BYTES = Integer.BYTES + Integer.BYTES + 1 + Integer.BYTES + Long.BYTES;

    /** Orders members by age: lowest up-number first, role breaking ties. */
    public static final Comparator<Member> BY_AGE =
            Comparator.comparingInt(Member::upNumber).thenComparing(Member::role);

    private static final Comparator<Member> PRECEDENCE = Comparator
            .comparingInt((Member m) -> m.status == MemberStatus.REMOVED ? 2 : m.status == MemberStatus.DOWN ? 1 : 0)
            .thenComparingLong(Member::version)
            .thenComparing(Member::status);

    /**
     * @param role        the member's role
     * @param incarnation its incarnation
     * @param status      its status
     * @param upNumber    its up-number, 0 if never up
     * @param version     its version
     * @throws IllegalArgumentException if the role is empty or a number negative
     */
    public Member {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        if (role.isEmpty()) {
            throw new IllegalArgumentException("role must not be empty");
        }
        if (incarnation < 0 || upNumber < 0 || version < 0) {
            throw new IllegalArgumentException("incarnation, upNumber and version must be >= 0, got " + incarnation
                    + ", " + upNumber + " and " + version);
        }
    }

    /**
     * @param role        the new member's role
     * @param incarnation which life of the role joins
     * @return the first entry of a joining member
     */
    public static Member joining(String role, int incarnation) {
        return new Member(role, incarnation, MemberStatus.JOINING, 0, 1);
    }

    /** @return whether the member has been up, so it has a place in the age order */
    public boolean hasBeenUp() {
        return upNumber > 0;
    }

    /**
     * @param newStatus the new status
     * @return this entry with another status and the next version
     */
    public Member withStatus(MemberStatus newStatus) {
        return new Member(role, incarnation, newStatus, upNumber, version + 1);
    }

    /**
     * @param number the up-number the leader assigns
     * @return this entry moved up, with the next version
     */
    public Member up(int number) {
        return new Member(role, incarnation, MemberStatus.UP, number, version + 1);
    }

    /**
     * Merges two entries of the same member.
     *
     * @param other the other entry
     * @return the merged entry
     * @throws IllegalArgumentException if the entries are of different members
     */
    public Member merge(Member other) {
        if (!role.equals(other.role)) {
            throw new IllegalArgumentException("cannot merge entries of " + role + " and " + other.role);
        }
        if (incarnation != other.incarnation) {
            return incarnation > other.incarnation ? this : other;
        }
        Member winner = PRECEDENCE.compare(this, other) >= 0 ? this : other;
        int up = Math.max(upNumber, other.upNumber);
        return up == winner.upNumber ? winner : new Member(role, incarnation, winner.status, up, winner.version);
    }

    /**
     * @param out the buffer to write this entry to
     */
    public void writeTo(ByteBuffer out) {
        MessageFields.putString(out, role);
        out.putInt(incarnation);
        MessageFields.putEnum(out, status);
        out.putInt(upNumber);
        out.putLong(version);
    }

    /**
     * @param in the buffer to read an entry from
     * @return the entry
     * @throws MalformedMessageException if the entry is truncated or invalid
     */
    public static Member readFrom(ByteBuffer in) throws MalformedMessageException {
        return new Member(MessageFields.getString(in, "member role"), MessageFields.getInt(in, "member incarnation"),
                MessageFields.getEnum(in, MemberStatus.values(), "member status"),
                MessageFields.getInt(in, "member upNumber"), MessageFields.getLong(in, "member version"));
    }
}
