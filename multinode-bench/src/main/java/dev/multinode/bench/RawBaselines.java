package dev.multinode.bench;

import java.util.Optional;
import java.util.Properties;

/** The raw baseline of each transport; a transport without one is benchmarked without a ratio. */
final class RawBaselines {

    private RawBaselines() {
    }

    /**
     * @param transport  a transport name, as {@code multinode.transport} gives it
     * @param properties where {@value NioSocketPingPong#BLOCKING} may choose blocking sockets and
     *                   {@value NioSocketPingPong#ONE_WAY} one-way connections for {@code tcp}
     * @return its raw ping-pong, if one exists
     */
    static Optional<RawPingPong> forTransport(String transport, Properties properties) {
        return switch (transport) {
            case "inproc" -> Optional.of(new AgronaRingBufferPingPong());
            case "chronicle" -> Optional.of(new ChronicleQueuePingPong());
            case "tcp" -> Optional.of(new NioSocketPingPong(flag(properties, NioSocketPingPong.BLOCKING),
                    flag(properties, NioSocketPingPong.ONE_WAY)));
            default -> Optional.empty();
        };
    }

    private static boolean flag(Properties properties, String key) {
        return Boolean.parseBoolean(properties.getProperty(key, "false").trim());
    }
}
