/**
 * The {@code tcp} transport: participants exchange length-prefixed frames over TCP, found through
 * a directory kept by the conductor, and prove with every connection that they know the run's
 * secret.
 *
 * <h2>Topology</h2>
 * Every endpoint listens on a port the operating system chooses (no fixed port anywhere), bound to
 * the loopback address unless {@code multinode.tcp.bindAddress} (context property, else system
 * property) names another. Two nodes share one connection: the node that sends first opens it to
 * the other's listener, and the other, once it has checked the opener's handshake, answers with a
 * handshake of its own and sends its frames back on the same connection. Each direction of a
 * connection has one writer, so the frames from one sender to one receiver arrive in the order they
 * were sent (a send lock per link orders concurrent senders). A one-way connection per direction
 * would cost every frame a bare TCP acknowledgement on the way back: on loopback that made a
 * ping-pong 1.6 times slower than on one connection (the benchmark's
 * {@code bench.tcp.oneWayBaseline}). If both nodes open a connection at the same moment, each
 * sends on its own and reads both. The conductor's connections stay one-way: a node's connection
 * to the conductor carries its frames one way and the directory the other, read by the control
 * thread, and the conductor opens a connection of its own to each node for its frames.
 *
 * <h2>Directory</h2>
 * The conductor (participant 0) is the directory. The JVM that hosts it binds the conductor's
 * listener when the transport opens and hands {@code multinode.tcp.conductor=host:port} to child
 * JVMs through {@code childProperties()}. A node connects to the conductor first, then listens (by
 * default on the local address of that connection, so that a remote conductor can reach it back),
 * then writes its handshake, which carries its listening port. The conductor records the node at
 * the connection's remote address and that port, and streams directory entries on the
 * <em>reverse</em> direction of the node's connection: first its own handshake (so the node knows
 * it talks to the real conductor), then every known address, then each new or changed one as
 * nodes join. Directory entries are frames of the reserved type 0,
 * {@code [int participant][int port][byte n][n address bytes]}, and never reach a frame
 * receiver. A send to a participant whose address is still unknown waits for the directory up to
 * {@code multinode.tcp.directoryTimeoutMillis} (default 30000), then throws
 * {@link java.lang.IllegalStateException} naming the participant.
 *
 * <h2>Handshake</h2>
 * The side that connects writes, before anything else, 50 bytes (big-endian); a node that adopts
 * another node's connection writes the same 50 bytes (with itself as sender) before its first
 * frame on it, and the opener checks them as strictly before it reads a frame:
 * <pre>
 *   int    magic     0x4D4E5450 ("MNTP")
 *   short  version   1
 *   byte[] secret    32 bytes: SHA-256 of the run's secret in UTF-8
 *   int    sender    the connecting participant's index
 *   int    receiver  the index of the participant it means to reach
 *   int    port      the sender's listening port, 1..65535
 * </pre>
 * The receiver reads exactly these bytes within {@code multinode.tcp.handshakeTimeoutMillis}
 * (default 5000) and compares the secret in constant time. A bad magic, another version, a wrong
 * secret, an index out of range, a connection meant for another participant, a closed connection
 * or a slow one is refused: the connection is closed, one WARN line names the remote address and
 * the reason, and nothing it sent reaches a frame receiver. The secret is authentication, not
 * encryption: frames travel in clear.
 *
 * <h2>Frames</h2>
 * After the handshake: {@code [int length][byte type][payload]}, big-endian, with
 * {@code length = 1 + payload bytes}; types 1..127 on data connections. A length below 1 or above
 * {@code maxFrameSize + 1}, or a type out of range, closes that connection with one WARN line; the
 * check happens as soon as the four length bytes arrive, and no buffer is ever sized by a length
 * that has not passed it ({@link dev.multinode.transport.tcp.FrameDecoder}).
 *
 * <h2>Threads</h2>
 * {@code poll} reads the inbound connections with a non-blocking {@code selectNow} on the
 * polling thread and never waits. Accepting, handshakes and the directory run on one background
 * thread per transport ({@code multinode-tcp-<runId>}), blocked in {@code select} when idle: a send
 * may have to wait for the directory, and since the polling thread itself sends (replies from a
 * frame receiver), polling could not drive the directory without deadlocking. Closing the
 * transport stops the thread; closing an endpoint closes its listener and connections at once.
 *
 * <h2>Failures</h2>
 * A send waits up to {@code multinode.tcp.sendTimeoutMillis} (default 10000) while the receiver's
 * socket stays full, then closes that connection (the frame was cut) and throws
 * {@link java.lang.IllegalStateException}; the next send opens a new connection. When a connection
 * breaks because the receiver died, that frame and later ones to the same address are discarded
 * with one DEBUG line (the runtime learns of deaths by its own means); a new address from the
 * directory opens a new connection. Connecting may take {@code multinode.tcp.connectTimeoutMillis}
 * (default 10000).
 */
package dev.multinode.transport.tcp;
