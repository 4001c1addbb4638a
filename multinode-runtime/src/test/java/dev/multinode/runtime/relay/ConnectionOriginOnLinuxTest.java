package dev.multinode.runtime.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real connections to a server on loopback, known through this host's /proc: one this JVM opened,
 * one a child JVM opened, one a process that is no node's opened. All participants bind loopback,
 * so the source address decides nothing and only the process can.
 */
class ConnectionOriginOnLinuxTest {

    private static final long SELF = ProcessHandle.current().pid();
    /** A JVM with many descriptors that is no node: the one that started this test's JVM. */
    private static final long BYSTANDER = ProcessHandle.current().parent().orElseThrow().pid();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long ACCEPT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int CLIENT_JVMS = 10;
    private static final int TIMED_LOOKUPS = 200;

    @TempDir
    static Path classes;

    private final List<AutoCloseable> open = new ArrayList<>();
    private ServerSocketChannel server;
    private Selector selector;

    @BeforeAll
    static void linuxWithAClientProgram() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/net")), "this host shows no sockets in /proc (not Linux)");
        ClientJvm.compile(classes);
    }

    @BeforeEach
    void serverOnLoopback() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        selector.close();
        server.close();
    }

    @Test
    void aConnectionThisJvmOpenedIsTheParticipantInThisProcess() throws Exception {
        open.add(SocketChannel.open(server.getLocalAddress()));

        assertThat(origin(-1, BYSTANDER, SELF).applyAsInt(accept())).isEqualTo(2);
    }

    /** The accepted end is this JVM's (participant 1): only the client's end names the child. */
    @Test
    void aConnectionAChildJvmOpenedIsTheParticipantInThatProcess() throws Exception {
        ClientJvm child = client();

        assertThat(origin(-1, SELF, child.pid()).applyAsInt(accept())).isEqualTo(2);
    }

    @Test
    void aConnectionAProcessThatIsNoNodesOpenedIsUnknown() throws Exception {
        client();

        assertThat(origin(-1, SELF, BYSTANDER).applyAsInt(accept())).isEqualTo(ConnectionOrigin.UNKNOWN);
    }

    /**
     * Prints what one lookup costs: reading the socket tables, and the descriptors of 12 JVMs (this
     * one, the one that started it, ten clients) with the holder's last.
     */
    @Test
    void tenChildJvmsAreEachTheirOwnParticipant() throws Exception {
        List<ClientJvm> children = Stream.generate(this::client).limit(CLIENT_JVMS).toList();
        List<SocketChannel> accepted = new ArrayList<>();
        for (int child = 0; child < CLIENT_JVMS; child++) {
            accepted.add(accept());
        }
        long[] childPids = children.stream().mapToLong(ClientJvm::pid).toArray();
        ConnectionOrigin origin = origin(LongStream.concat(LongStream.of(-1), LongStream.of(childPids)).toArray());

        List<Integer> origins = accepted.stream().map(origin::applyAsInt).toList();

        assertThat(origins).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CLIENT_JVMS).boxed().toList());
        SocketChannel last = accepted.get(origins.indexOf(CLIENT_JVMS));
        InetSocketAddress clientEnd = (InetSocketAddress) last.getRemoteAddress();
        InetSocketAddress serverEnd = (InetSocketAddress) last.getLocalAddress();
        ProcSockets proc = new ProcSockets(Path.of("/proc"));
        long inode = proc.inodeOf(clientEnd, serverEnd);
        long[] candidates = LongStream.concat(LongStream.of(SELF, BYSTANDER), LongStream.of(childPids)).toArray();
        long descriptors = 0;
        for (long pid : candidates) {
            descriptors += descriptors(pid);
        }
        System.out.printf("one lookup %d us: the socket tables %d us, the descriptors of %d JVMs (%d links) %d us%n",
                averageMicros(() -> origin.applyAsInt(last)), averageMicros(() -> proc.inodeOf(clientEnd, serverEnd)),
                candidates.length, descriptors, averageMicros(() -> proc.holderOf(inode, candidates)));
    }

    private static long averageMicros(Runnable lookup) {
        long start = System.nanoTime();
        for (int lookups = 0; lookups < TIMED_LOOKUPS; lookups++) {
            lookup.run();
        }
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start) / TIMED_LOOKUPS;
    }

    private ConnectionOrigin origin(long... pidByParticipant) {
        IntToLongFunction pidOf = participant -> pidByParticipant[participant];
        return new ConnectionOrigin(Collections.nCopies(pidByParticipant.length, LOOPBACK), pidOf);
    }

    private ClientJvm client() {
        try {
            ClientJvm client = ClientJvm.connect(classes, (InetSocketAddress) server.getLocalAddress());
            open.add(client);
            return client;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a client JVM", e);
        }
    }

    private SocketChannel accept() throws IOException {
        long deadline = System.nanoTime() + ACCEPT_WAIT_NANOS;
        SocketChannel channel;
        while ((channel = server.accept()) == null) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("a client connected within %d s", TimeUnit.NANOSECONDS.toSeconds(ACCEPT_WAIT_NANOS)).isPositive();
            selector.select(ready -> { }, TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
        open.add(channel);
        return channel;
    }

    private static long descriptors(long pid) throws IOException {
        try (Stream<Path> links = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return links.count();
        }
    }
}
