package dev.multinode.examples.bench;

import java.util.Optional;

/** The raw baseline of each transport; a transport without one is benchmarked without a ratio. */
final class RawBaselines {

    private RawBaselines() {
    }

    /**
     * @param transport a transport name, as {@code multinode.transport} gives it
     * @return its raw ping-pong, if one exists
     */
    static Optional<RawPingPong> forTransport(String transport) {
        return switch (transport) {
            case "inproc" -> Optional.of(new AgronaRingBufferPingPong());
            default -> Optional.empty();
        };
    }
}
