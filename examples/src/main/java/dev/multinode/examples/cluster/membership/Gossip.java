package dev.multinode.examples.cluster.membership;

import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.codec.MessageFields;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The sender's whole member table.
 *
 * @param members the entries
 */
public record Gossip(List<Member> members) implements Message {

    /** The wire tag. */
    public static final byte TAG = 0x02;

    /**
     * @param members the entries
     */
    public Gossip {
        members = List.copyOf(members);
    }

    @Override
    public byte tag() {
        return TAG;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.putInt(members.size());
        members.forEach(m -> m.writeTo(out));
    }

    /**
     * @param in the frame after the tag
     * @return the message
     * @throws MalformedMessageException if the table is malformed
     */
    public static Gossip readFrom(ByteBuffer in) throws MalformedMessageException {
        int count = MessageFields.getCount(in, "members", Member.MIN_ENCODED_BYTES);
        List<Member> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(Member.readFrom(in));
        }
        return new Gossip(members);
    }
}
