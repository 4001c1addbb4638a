package dev.multinode.bench;

import dev.multinode.runtime.relay.RelayHub;
import dev.multinode.runtime.relay.RelayOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Properties;
import org.HdrHistogram.Histogram;

/**
 * The relay's rows: the round trip of a small message to a loopback echo in this JVM, directly and
 * through a {@link RelayHub} link relay (alternating rounds, pooled, so both see the same machine),
 * the throughput of large writes through a relay and directly, and the relay thread's CPU while
 * the link is idle. Client and echo use blocking sockets, as a system under test usually does.
 */
final class RelayBenchmark {

    /** {@code true} runs only these rows. */
    static final String ONLY = "bench.relay.only";

    /**
     * What to measure.
     *
     * @param messageSize     bytes of each round trip's message
     * @param warmup          round trips before measuring, each round
     * @param measured        round trips measured, each round
     * @param rounds          how many times direct and relayed round trips alternate
     * @param throughputBytes bytes written in each throughput run
     * @param writeSize       bytes of each write of the throughput runs
     * @param spinSelects     the relay's spin, or -1 for its default
     * @param chunkSize       the relay's chunk size, or -1 for its default
     * @param partitionWarmup  partition-heal pairs of five nodes before measuring
     * @param partitionMeasured partition calls of five nodes measured, 0 to leave the row out
     */
    record Settings(int messageSize, int warmup, int measured, int rounds, long throughputBytes, int writeSize,
                    int spinSelects, int chunkSize, int partitionWarmup, int partitionMeasured) {

        static Settings from(Properties properties) {
            Settings settings = new Settings(BenchConfig.integer(properties, "bench.relay.messageSize", 64),
                    BenchConfig.integer(properties, "bench.relay.warmup", 20_000),
                    BenchConfig.integer(properties, "bench.relay.measured", 100_000),
                    BenchConfig.integer(properties, "bench.relay.rounds", 3),
                    BenchConfig.integer(properties, "bench.relay.throughputMiB", 4_096) * (1L << 20),
                    BenchConfig.integer(properties, "bench.relay.writeKiB", 1_024) * 1_024,
                    BenchConfig.integer(properties, "bench.relay.spinSelects", -1),
                    chunkSize(BenchConfig.integer(properties, "bench.relay.chunkKiB", -1)),
                    BenchConfig.integer(properties, "bench.relay.partition.warmup", 20),
                    BenchConfig.integer(properties, "bench.relay.partition.measured", 200));
            if (settings.messageSize < 1 || settings.warmup < 0 || settings.measured < 1 || settings.rounds < 1
                    || settings.throughputBytes < 1 || settings.writeSize < 1 || settings.partitionWarmup < 0
                    || settings.partitionMeasured < 0) {
                throw new IllegalArgumentException("Bad relay settings (bench.relay.*): " + settings
                        + "; accepted positive sizes and counts, a warm-up of 0 or more");
            }
            return settings;
        }

        private static int chunkSize(int kibibytes) {
            return kibibytes < 0 ? -1 : kibibytes * 1_024;
        }

        /** @return the relay's options these settings ask for */
        RelayOptions options() {
            RelayOptions options = RelayOptions.defaults();
            if (spinSelects >= 0) {
                options = options.withSpinSelects(spinSelects);
            }
            return chunkSize > 0 ? options.withChunkSize(chunkSize) : options;
        }
    }

    /** The interval the idle CPU is measured over: the scenario measured, slept on purpose. */
    static final Duration IDLE = Duration.ofSeconds(1);
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final long SINK_TIMEOUT_SECONDS = 120;
    private static final String NODE = "bench";
    private static final int PEER = 1;

    private RelayBenchmark() {
    }

    static RelayReport run(Settings settings) throws IOException, InterruptedException {
        RelayOptions options = settings.options();
        Histogram direct = Histograms.create();
        Histogram relayed = Histograms.create();
        double idleShare;
        try (LoopbackEcho echo = new LoopbackEcho();
             RelayHub hub = new RelayHub(NODE, 2, InetAddress.getLoopbackAddress(), options)) {
            InetSocketAddress relay = hub.openLink(PEER, "echo", echo.address());
            for (int round = 1; round <= settings.rounds(); round++) {
                System.out.printf("round %d of %d: %d-byte echo round trips, direct and through a relay, %d warm-up + %d "
                        + "measured each%n", round, settings.rounds(), settings.messageSize(), settings.warmup(), settings.measured());
                direct.add(roundTrips(echo.address(), settings));
                relayed.add(roundTrips(relay, settings));
            }
            idleShare = idleShare(relay, settings);
        }
        System.out.printf("throughput: %d MiB in %d KiB writes, direct and through a relay%n", settings.throughputBytes() >> 20,
                settings.writeSize() >> 10);
        double directRate = throughput(settings, null);
        double relayedRate = throughput(settings, options);
        LatencyStats partition = null;
        if (settings.partitionMeasured() > 0) {
            System.out.printf("partitions of %d nodes with relayed connections on %s: %d warm-up + %d measured%n",
                    RelayPartitionTime.ROLES.size(), System.getProperty("multinode.transport", "inproc"),
                    settings.partitionWarmup(), settings.partitionMeasured());
            partition = LatencyStats.of(RelayPartitionTime.run(settings.partitionWarmup(), settings.partitionMeasured()));
        }
        return new RelayReport(settings, LatencyStats.of(direct), LatencyStats.of(relayed), directRate, relayedRate, idleShare,
                partition);
    }

    private static Histogram roundTrips(InetSocketAddress address, Settings settings) throws IOException {
        Histogram histogram = Histograms.create();
        try (Socket socket = new Socket()) {
            socket.connect(address, SOCKET_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] message = new byte[settings.messageSize()];
            for (int i = 0; i < settings.warmup() + settings.measured(); i++) {
                long start = System.nanoTime();
                out.write(message);
                if (in.readNBytes(message, 0, message.length) != message.length) {
                    throw new IOException("the echo at " + address + " ended the stream");
                }
                if (i >= settings.warmup()) {
                    Histograms.record(histogram, System.nanoTime() - start);
                }
            }
        }
        return histogram;
    }

    /**
     * The relay thread's CPU over an idle interval that starts right after a round trip, so that it
     * includes the spin after the last activity: what spinning costs when nothing more comes.
     */
    private static double idleShare(InetSocketAddress relay, Settings settings) throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long relayThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("multinode-relay-" + NODE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no relay thread")).getId();
        roundTrips(relay, new Settings(settings.messageSize(), 0, 1, 1, 1, 1, settings.spinSelects(), settings.chunkSize(), 0, 0));
        long cpuBefore = threads.getThreadCpuTime(relayThread);
        long wallBefore = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        return (double) (threads.getThreadCpuTime(relayThread) - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    /** @param options the relay's, or null to write to the sink directly @return bytes per second */
    private static double throughput(Settings settings, RelayOptions options) throws IOException, InterruptedException {
        try (LoopbackSink sink = new LoopbackSink();
             RelayHub hub = new RelayHub(NODE, 2, InetAddress.getLoopbackAddress(),
                     options == null ? RelayOptions.defaults() : options)) {
            InetSocketAddress to = options == null ? sink.address() : hub.openLink(PEER, "sink", sink.address());
            ByteBuffer buffer = ByteBuffer.allocateDirect(settings.writeSize());
            long start = System.nanoTime();
            try (SocketChannel channel = SocketChannel.open(to)) {
                for (long sent = 0; sent < settings.throughputBytes(); ) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), settings.throughputBytes() - sent));
                    while (buffer.hasRemaining()) {
                        sent += channel.write(buffer);
                    }
                }
                channel.shutdownOutput();
                long received = sink.awaitEnd(SINK_TIMEOUT_SECONDS);
                if (received != settings.throughputBytes()) {
                    throw new IOException("the sink received " + received + " of " + settings.throughputBytes() + " bytes");
                }
            }
            return settings.throughputBytes() * 1e9 / (System.nanoTime() - start);
        }
    }
}
