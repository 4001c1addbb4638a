package dev.multinode.transport.tcp;

/** A connection's opening bytes are not a handshake this endpoint accepts. */
final class HandshakeRejectedException extends Exception {

    /** @param reason what was wrong, naming the bad value and what is accepted */
    HandshakeRejectedException(String reason) {
        super(reason);
    }
}
