/**
 * The explicit binary codec of the cluster's messages: one tag byte per message type, then the
 * message's fields in big-endian order, strings as a length and UTF-8 bytes. Nothing from the
 * network is deserialized with Java serialization; a frame that does not decode is rejected with a
 * {@link dev.multinode.examples.cluster.codec.MalformedMessageException}.
 */
package dev.multinode.examples.cluster.codec;
