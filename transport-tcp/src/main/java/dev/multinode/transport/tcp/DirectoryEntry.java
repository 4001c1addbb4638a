package dev.multinode.transport.tcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * One line of the conductor's address book as it travels to the nodes: a frame of the reserved
 * type {@value #TYPE} whose payload is {@code [int participant][int port][byte n][n address bytes]}.
 *
 * @param participant whose address it is
 * @param address     where that participant listens
 */
record DirectoryEntry(int participant, InetSocketAddress address) {

    /** The frame type reserved for directory entries; never delivered to a frame receiver. */
    static final int TYPE = 0;
    /** The largest payload: an IPv6 address. */
    static final int MAX_PAYLOAD = 2 * Integer.BYTES + 1 + 16;

    /**
     * Appends the entry as a whole frame.
     *
     * @param out where to write, with at least {@code 5 + MAX_PAYLOAD} bytes remaining
     */
    void write(ByteBuffer out) {
        byte[] host = address.getAddress().getAddress();
        out.putInt(1 + 2 * Integer.BYTES + 1 + host.length).put((byte) TYPE)
                .putInt(participant).putInt(address.getPort()).put((byte) host.length).put(host);
    }

    /**
     * @param payload      a directory frame's payload
     * @param participants how many participants the run has
     * @return the entry
     * @throws FrameRejectedException if the payload is malformed or names an unknown participant
     */
    static DirectoryEntry read(ByteBuffer payload, int participants) throws FrameRejectedException {
        if (payload.remaining() < 2 * Integer.BYTES + 1) {
            throw new FrameRejectedException("directory entry of " + payload.remaining() + " bytes is too short");
        }
        int participant = payload.getInt();
        int port = payload.getInt();
        int length = payload.get();
        if (participant < 0 || participant >= participants) {
            throw new FrameRejectedException("directory entry for participant " + participant
                    + " is out of range 0.." + (participants - 1));
        }
        if (port < 1 || port > 0xFFFF) {
            throw new FrameRejectedException("directory entry port " + port + " is out of range 1..65535");
        }
        if ((length != 4 && length != 16) || payload.remaining() != length) {
            throw new FrameRejectedException("directory entry address of " + length + " bytes with "
                    + payload.remaining() + " bytes left (accepted: 4 or 16)");
        }
        byte[] host = new byte[length];
        payload.get(host);
        try {
            return new DirectoryEntry(participant, new InetSocketAddress(InetAddress.getByAddress(host), port));
        } catch (UnknownHostException e) {
            throw new FrameRejectedException("directory entry address is invalid: " + e.getMessage());
        }
    }
}
