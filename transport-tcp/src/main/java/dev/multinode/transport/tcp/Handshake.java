package dev.multinode.transport.tcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed-size opening of every connection, sent by the side that connects (see the package
 * documentation for the layout). The secret travels as its SHA-256 digest so that the handshake has
 * a fixed size and nobody needs to trust a length read from a stranger.
 *
 * @param sender the connecting participant
 * @param port   the port the sender listens on
 */
record Handshake(int sender, int port) {

    /** "MNTP": multinode TCP protocol. */
    static final int MAGIC = 0x4D4E5450;
    /** The one protocol version this code speaks. */
    static final short VERSION = 1;
    /** Bytes of a secret's digest. */
    static final int DIGEST_BYTES = 32;
    /** Bytes of a handshake. */
    static final int BYTES = Integer.BYTES + Short.BYTES + DIGEST_BYTES + 3 * Integer.BYTES;

    private static final int MAX_PORT = 0xFFFF;

    /**
     * @param secret the run's secret
     * @return the digest a handshake carries
     */
    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Appends a handshake to {@code out}.
     *
     * @param out      where to write, with {@link #BYTES} bytes remaining
     * @param digest   the run's secret digest
     * @param sender   the connecting participant
     * @param receiver the participant the connection is meant for
     * @param port     the port the sender listens on
     */
    static void write(ByteBuffer out, byte[] digest, int sender, int receiver, int port) {
        out.putInt(MAGIC).putShort(VERSION).put(digest).putInt(sender).putInt(receiver).putInt(port);
    }

    /**
     * Lets a connection be refused as soon as its first four bytes are there.
     *
     * @param magic the first four bytes of a connection
     * @throws HandshakeRejectedException if they are not {@link #MAGIC}
     */
    static void checkMagic(int magic) throws HandshakeRejectedException {
        if (magic != MAGIC) {
            throw new HandshakeRejectedException(String.format("bad magic 0x%08X (expected 0x%08X)", magic, MAGIC));
        }
    }

    /**
     * Reads and checks a handshake.
     *
     * @param in           exactly {@link #BYTES} bytes between position and limit
     * @param digest       the run's secret digest
     * @param receiver     this endpoint's participant
     * @param participants how many participants the run has
     * @return the sender and its port
     * @throws HandshakeRejectedException naming the first field that is wrong
     */
    static Handshake read(ByteBuffer in, byte[] digest, int receiver, int participants)
            throws HandshakeRejectedException {
        checkMagic(in.getInt());
        short version = in.getShort();
        if (version != VERSION) {
            throw new HandshakeRejectedException("unsupported protocol version " + version + " (accepted: " + VERSION + ")");
        }
        byte[] presented = new byte[DIGEST_BYTES];
        in.get(presented);
        if (!MessageDigest.isEqual(presented, digest)) {
            throw new HandshakeRejectedException("wrong secret");
        }
        int sender = in.getInt();
        if (sender < 0 || sender >= participants) {
            throw new HandshakeRejectedException("sender participant " + sender + " is out of range 0.." + (participants - 1));
        }
        int addressee = in.getInt();
        if (addressee != receiver) {
            throw new HandshakeRejectedException("connection meant for participant " + addressee
                    + " reached participant " + receiver);
        }
        int port = in.getInt();
        if (port < 1 || port > MAX_PORT) {
            throw new HandshakeRejectedException("listening port " + port + " is out of range 1.." + MAX_PORT);
        }
        return new Handshake(sender, port);
    }
}
