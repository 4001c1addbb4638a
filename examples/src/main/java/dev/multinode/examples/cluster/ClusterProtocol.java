package dev.multinode.examples.cluster;

import dev.multinode.examples.cluster.codec.ClusterMessageCodec;
import dev.multinode.examples.cluster.failure.Heartbeat;
import dev.multinode.examples.cluster.membership.Gossip;
import dev.multinode.examples.cluster.membership.Join;
import dev.multinode.examples.cluster.pubsub.BucketAck;
import dev.multinode.examples.cluster.pubsub.BucketUpdate;
import dev.multinode.examples.cluster.pubsub.Publication;
import dev.multinode.examples.cluster.routing.Reply;
import dev.multinode.examples.cluster.sharding.EntityEnvelope;
import dev.multinode.examples.cluster.sharding.GetShardHome;
import dev.multinode.examples.cluster.sharding.RegisterRegion;
import dev.multinode.examples.cluster.sharding.ShardHomes;
import dev.multinode.examples.cluster.singleton.LeaseMessage;
import dev.multinode.examples.cluster.singleton.SingletonEnvelope;

/** Every message the cluster sends, by tag: the whole wire protocol in one place. */
public final class ClusterProtocol {

    private static final ClusterMessageCodec CODEC = ClusterMessageCodec.builder()
            .register(Join.TAG, Join.class, Join::readFrom)
            .register(Gossip.TAG, Gossip.class, Gossip::readFrom)
            .register(Heartbeat.TAG, Heartbeat.class, Heartbeat::readFrom)
            .register(Reply.TAG, Reply.class, Reply::readFrom)
            .register(RegisterRegion.TAG, RegisterRegion.class, RegisterRegion::readFrom)
            .register(GetShardHome.TAG, GetShardHome.class, GetShardHome::readFrom)
            .register(ShardHomes.TAG, ShardHomes.class, ShardHomes::readFrom)
            .register(EntityEnvelope.TAG, EntityEnvelope.class, EntityEnvelope::readFrom)
            .register(BucketUpdate.TAG, BucketUpdate.class, BucketUpdate::readFrom)
            .register(BucketAck.TAG, BucketAck.class, BucketAck::readFrom)
            .register(Publication.TAG, Publication.class, Publication::readFrom)
            .register(SingletonEnvelope.TAG, SingletonEnvelope.class, SingletonEnvelope::readFrom)
            .register(LeaseMessage.TAG, LeaseMessage.class, LeaseMessage::readFrom)
            .build();

    private ClusterProtocol() {
    }

    /** @return the codec of every cluster message */
    public static ClusterMessageCodec codec() {
        return CODEC;
    }
}
