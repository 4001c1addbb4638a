package dev.multinode.transport.tcp;

import java.io.IOException;

/**
 * A byte stream broke the frame format: a length prefix or a type outside what the stream accepts.
 * The stream cannot be resynchronised afterwards, so its connection must be closed.
 */
final class FrameRejectedException extends IOException {

    /** @param reason what was wrong, naming the bad value and what is accepted */
    FrameRejectedException(String reason) {
        super(reason);
    }
}
