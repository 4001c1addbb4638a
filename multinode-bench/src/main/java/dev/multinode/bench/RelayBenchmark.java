package dev.multinode.bench;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.Node;
import dev.multinode.testkit.SocketAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.HdrHistogram.Histogram;

/**
 * The relay's rows, as a system under test meets relays: in a run of two thread nodes, node-b serves
 * a blocking loopback echo and a sink on endpoints of its own, and node-a times the round trip of a
 * small message to the echo straight at its endpoint and through its relay towards it
 * ({@code node.address}), alternating rounds, pooled, so that both see the same machine; then the
 * throughput of large writes to the sink both ways, and node-a's relay thread's CPU while the link
 * is idle; and, in a run of five, how long a partition takes to be in force in every relay.
 */
final class RelayBenchmark {

    /** {@code true} runs only these rows. */
    static final String ONLY = "bench.relay.only";

    /**
     * What to measure.
     *
     * @param messageSize       bytes of each round trip's message
     * @param warmup            round trips before measuring, each round
     * @param measured          round trips measured, each round
     * @param rounds            how many times direct and relayed round trips alternate
     * @param throughputBytes   bytes written in each throughput run
     * @param writeSize         bytes of each write of the throughput runs
     * @param partitionWarmup   partition-heal pairs of five nodes before measuring
     * @param partitionMeasured partition calls of five nodes measured, 0 to leave the row out
     */
    record Settings(int messageSize, int warmup, int measured, int rounds, long throughputBytes, int writeSize,
                    int partitionWarmup, int partitionMeasured) implements Serializable {

        static Settings from(Properties properties) {
            Settings settings = new Settings(BenchConfig.integer(properties, "bench.relay.messageSize", 64),
                    BenchConfig.integer(properties, "bench.relay.warmup", 20_000),
                    BenchConfig.integer(properties, "bench.relay.measured", 100_000),
                    BenchConfig.integer(properties, "bench.relay.rounds", 3),
                    BenchConfig.integer(properties, "bench.relay.throughputMiB", 4_096) * (1L << 20),
                    BenchConfig.integer(properties, "bench.relay.writeKiB", 1_024) * 1_024,
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
    }

    /** The interval the idle CPU is measured over: the scenario measured, slept on purpose. */
    static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final long SINK_TIMEOUT_SECONDS = 120;
    private static final String CLIENT = "node-a";
    private static final String SERVER = "node-b";

    private RelayBenchmark() {
    }

    static RelayReport run(Settings settings) throws IOException {
        RelayReport.Measured measured;
        try (TempFolder folder = TempFolder.create("multinode-bench-relay-")) {
            String results = folder.path().toString();
            MultiNode.spec(CLIENT, SERVER).name("HarnessBenchmark-relay").launch(LaunchMode.THREAD).timeout(TIMEOUT)
                    .barrierTimeout(TIMEOUT).run(node -> measure(node, settings, Path.of(results)));
            measured = RelayReport.Measured.read(folder.path(), CLIENT);
        }
        LatencyStats partition = null;
        if (settings.partitionMeasured() > 0) {
            System.out.printf("partitions of %d nodes with relayed connections on %s: %d warm-up + %d measured%n",
                    RelayPartitionTime.ROLES.size(), System.getProperty("multinode.transport", "inproc"),
                    settings.partitionWarmup(), settings.partitionMeasured());
            partition = LatencyStats.of(RelayPartitionTime.run(settings.partitionWarmup(), settings.partitionMeasured()));
        }
        return new RelayReport(settings, measured, partition);
    }

    /** Both nodes' body: node-b serves, node-a measures and writes what it measured to {@code results}. */
    private static void measure(Node node, Settings settings, Path results) throws Exception {
        node.runOn(SERVER, () -> {
            node.closeOnStop(new LoopbackEcho(ownEndpoint(node, "echo")));
            for (String sink : new String[] {"sink-direct", "sink-relayed"}) {
                LoopbackSink drained = node.closeOnStop(new LoopbackSink(ownEndpoint(node, sink)));
                // the sink's end is timed here, from the writer's start (the same JVM's clock)
                node.executor().execute(() -> reportRate(node, sink, drained, settings));
            }
            node.publish("direct", SocketAddresses.format(node.address(SERVER, "echo")) + " "
                    + SocketAddresses.format(node.address(SERVER, "sink-direct")));
        });
        node.enterBarrier("serving");
        node.runOn(CLIENT, () -> {
            String[] direct = node.lookup(SERVER, "direct", Duration.ofSeconds(30)).split(" ");
            InetSocketAddress echo = SocketAddresses.parse(direct[0]);
            InetSocketAddress relayedEcho = node.address(SERVER, "echo");
            Histogram straight = Histograms.create();
            Histogram relayed = Histograms.create();
            for (int round = 1; round <= settings.rounds(); round++) {
                node.log().info("round {} of {}: {}-byte echo round trips, direct and through a relay, {} warm-up + {} "
                        + "measured each", round, settings.rounds(), settings.messageSize(), settings.warmup(), settings.measured());
                straight.add(roundTrips(echo, settings.messageSize(), settings.warmup(), settings.measured()));
                relayed.add(roundTrips(relayedEcho, settings.messageSize(), settings.warmup(), settings.measured()));
            }
            double idle = idleShare(node, relayedEcho, settings.messageSize());
            node.log().info("throughput: {} MiB in {} KiB writes, direct and through a relay",
                    settings.throughputBytes() >> 20, settings.writeSize() >> 10);
            write(node, SocketAddresses.parse(direct[1]), settings, "sink-direct");
            write(node, node.address(SERVER, "sink-relayed"), settings, "sink-relayed");
            double directRate = node.probe("rate-sink-direct").expectMessage(Double.class, Duration.ofSeconds(SINK_TIMEOUT_SECONDS));
            double relayedRate = node.probe("rate-sink-relayed").expectMessage(Double.class, Duration.ofSeconds(SINK_TIMEOUT_SECONDS));
            new RelayReport.Measured(straight, relayed, directRate, relayedRate, idle).write(results);
        });
        node.enterBarrier("measured");
    }

    private static InetSocketAddress ownEndpoint(Node node, String name) {
        node.port(name);
        return node.address(node.role(), name);
    }

    /** On node-b: times its sink from the writer's start to the end of the stream, and tells node-a the rate. */
    private static void reportRate(Node node, String sink, LoopbackSink drained, Settings settings) {
        Object answer;
        try {
            long start = node.probe("start-" + sink).expectMessage(Long.class, Duration.ofSeconds(SINK_TIMEOUT_SECONDS));
            long received = drained.awaitEnd(SINK_TIMEOUT_SECONDS);
            long end = System.nanoTime();
            answer = received == settings.throughputBytes() ? settings.throughputBytes() * 1e9 / (end - start)
                    : "the sink " + sink + " received " + received + " of " + settings.throughputBytes() + " bytes";
        } catch (IOException | RuntimeException e) {
            answer = "the sink " + sink + " failed: " + e;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return;
        }
        node.tell(node.probeRef(CLIENT, "rate-" + sink), answer);
    }

    private static Histogram roundTrips(InetSocketAddress address, int size, int warmup, int measured) throws IOException {
        Histogram histogram = Histograms.create();
        try (Socket socket = new Socket()) {
            socket.connect(address, SOCKET_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] message = new byte[size];
            for (int i = 0; i < warmup + measured; i++) {
                long start = System.nanoTime();
                out.write(message);
                if (in.readNBytes(message, 0, message.length) != message.length) {
                    throw new IOException("the echo at " + address + " ended the stream");
                }
                if (i >= warmup) {
                    Histograms.record(histogram, System.nanoTime() - start);
                }
            }
        }
        return histogram;
    }

    /**
     * node-a's relay thread's CPU over an idle interval that starts right after a round trip, so that
     * it includes the spin after the last activity: what spinning costs when nothing more comes.
     */
    private static double idleShare(Node node, InetSocketAddress relay, int size) throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String name = "multinode-relay-" + node.role();
        long relayThread = Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().orElseThrow(() -> new IllegalStateException("no thread " + name)).getId();
        roundTrips(relay, size, 0, 1);
        long cpuBefore = threads.getThreadCpuTime(relayThread);
        long wallBefore = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        return (double) (threads.getThreadCpuTime(relayThread) - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    /** Writes the settings' bytes to a sink of node-b's, having told it when the writing starts. */
    private static void write(Node node, InetSocketAddress to, Settings settings, String sink) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(settings.writeSize());
        try (SocketChannel channel = SocketChannel.open(to)) {
            node.tell(node.probeRef(SERVER, "start-" + sink), System.nanoTime());
            for (long sent = 0; sent < settings.throughputBytes(); ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), settings.throughputBytes() - sent));
                while (buffer.hasRemaining()) {
                    sent += channel.write(buffer);
                }
            }
            channel.shutdownOutput();
        }
    }
}
