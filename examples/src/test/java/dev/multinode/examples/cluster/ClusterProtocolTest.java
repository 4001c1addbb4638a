package dev.multinode.examples.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.codec.ClusterMessageCodec;
import dev.multinode.examples.cluster.codec.MalformedMessageException;
import dev.multinode.examples.cluster.codec.Message;
import dev.multinode.examples.cluster.failure.Heartbeat;
import dev.multinode.examples.cluster.membership.Gossip;
import dev.multinode.examples.cluster.membership.Join;
import dev.multinode.examples.cluster.membership.Member;
import dev.multinode.examples.cluster.membership.MemberStatus;
import dev.multinode.examples.cluster.pubsub.BucketAck;
import dev.multinode.examples.cluster.pubsub.BucketUpdate;
import dev.multinode.examples.cluster.pubsub.Publication;
import dev.multinode.examples.cluster.pubsub.Subscription;
import dev.multinode.examples.cluster.routing.Reply;
import dev.multinode.examples.cluster.routing.Request;
import dev.multinode.examples.cluster.routing.RequestKind;
import dev.multinode.examples.cluster.sharding.EntityEnvelope;
import dev.multinode.examples.cluster.sharding.GetShardHome;
import dev.multinode.examples.cluster.sharding.RegisterRegion;
import dev.multinode.examples.cluster.sharding.ShardHomes;
import dev.multinode.examples.cluster.singleton.LeaseMessage;
import dev.multinode.examples.cluster.singleton.SingletonEnvelope;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusterProtocolTest {

    private static final ClusterMessageCodec CODEC = ClusterProtocol.codec();

    /** One message of every type, with fields that are not all defaults. */
    private static final List<Message> SAMPLES = List.of(
            new Join(3),
            new Gossip(List.of(new Member("node-a", 0, MemberStatus.UP, 1, 7),
                    new Member("node-b", 0, MemberStatus.REMOVED, 2, 9), Member.joining("nöde-ç", 0))),
            new Heartbeat(),
            new Reply(42, false, "hello from e-1@node-b"),
            new Reply(-3, true, "entity e-1 failed"),
            new RegisterRegion(List.of(0, 5, 23)),
            new RegisterRegion(List.of()),
            new GetShardHome(17),
            new ShardHomes(Map.of(3, "node-a", 4, "node-b"), true),
            new EntityEnvelope(new Request("cart-7", RequestKind.ASK, 99, "node-c", 2, "add apple")),
            new BucketUpdate(5, List.of(new Subscription("news", new ProbeRef("node-c", "inbox")))),
            new BucketAck(5),
            new Publication("news", "hello", List.of("inbox", "other")),
            new SingletonEnvelope(new Request("counter", RequestKind.WHERE, 1, "node-a", 0, "")),
            new LeaseMessage(LeaseMessage.Step.GRANT, 7));

    @Test
    void everyMessageTypeHasASampleHere() {
        Set<Class<?>> sampled = SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(13, sampled.size(), "one sample per registered type; update both when adding a type");
    }

    @Test
    void everyMessageRoundTrips() throws Exception {
        for (Message message : SAMPLES) {
            assertEquals(message, CODEC.decode(encode(message)), message.getClass().getSimpleName());
        }
    }

    @Test
    void everyTruncationOfEveryMessageIsMalformed() {
        for (Message message : SAMPLES) {
            byte[] whole = bytes(encode(message));
            for (int length = 0; length < whole.length; length++) {
                ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(whole, length));
                int cut = length;
                assertThrows(MalformedMessageException.class, () -> CODEC.decode(truncated),
                        () -> message.getClass().getSimpleName() + " cut to " + cut + " bytes");
            }
        }
    }

    @Test
    void randomGarbageIsRejectedAsMalformedOrDecodes() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 3_000; i++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            decodeOrReject(garbage);
        }
    }

    @Test
    void corruptedValidFramesAreRejectedAsMalformedOrDecode() {
        Random random = new Random(7L);
        for (Message message : SAMPLES) {
            byte[] whole = bytes(encode(message));
            for (int i = 0; i < 300; i++) {
                byte[] corrupted = whole.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
                }
                decodeOrReject(corrupted);
            }
        }
    }

    @Test
    void decodingLeavesNothingUnread() throws Exception {
        ByteBuffer frame = encode(new GetShardHome(3));
        CODEC.decode(frame);
        assertFalse(frame.hasRemaining());
    }

    /** Either outcome is fine; any other exception, or an error, fails the test. */
    private static void decodeOrReject(byte[] frame) {
        try {
            CODEC.decode(ByteBuffer.wrap(frame));
        } catch (MalformedMessageException expected) {
            // rejected cleanly
        }
    }

    private static ByteBuffer encode(Message message) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        CODEC.encode(message, buffer);
        return buffer.flip();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
