package dev.multinode.runtime.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that name a connection's origin, over a fake /proc: the process holding the client's
 * end on this host, the source address for another host, and nothing where neither is certain.
 */
class ConnectionOriginTest {

    private static final InetSocketAddress RELAY = new InetSocketAddress("127.0.0.1", 7000);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 41000);
    private static final InetAddress LOOPBACK = RELAY.getAddress();
    /** Addresses of TEST-NET-3, for documentation only: other hosts. */
    private static final InetAddress HOST_A = address("203.0.113.1");
    private static final InetAddress HOST_B = address("203.0.113.2");
    private static final Duration NO_SETTLE = Duration.ZERO;

    @TempDir
    Path root;
    private FakeProc fake;

    @BeforeEach
    void aConnectionFromClientToRelayHeldByProcess200() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the tables are as a little-endian kernel prints them");
        fake = new FakeProc(root).table("tcp", FakeProc.TCP_HEADER,
                        FakeProc.entry(0, "0100007F:1B58", "00000000:0000", "0A", 50000),
                        FakeProc.entry(1, "0100007F:A028", "0100007F:1B58", "01", 51234),
                        FakeProc.entry(2, "0100007F:1B58", "0100007F:A028", "01", 51235))
                .process(100, "socket:[50000]", "socket:[51235]")
                .process(200, "/dev/null", "socket:[51234]");
    }

    @Test
    void aConnectionOnThisHostIsTheNodeWhoseProcessHoldsItsClientEnd() {
        ConnectionOrigin origin = origin(List.of(LOOPBACK, LOOPBACK, LOOPBACK), pids(-1, 100, 200), NO_SETTLE);

        assertThat(origin.originOf(RELAY, CLIENT)).isEqualTo(2);
        assertThat(origin.whyUnidentifiable()).isEmpty();
    }

    @Test
    void aClientEndHeldByNoNodesProcessIsKnownOnlyByASourceAddressOfOneNode() {
        assertThat(origin(List.of(LOOPBACK, LOOPBACK), pids(-1, 100), NO_SETTLE).originOf(RELAY, CLIENT))
                .isEqualTo(ConnectionOrigin.UNKNOWN);
        assertThat(origin(List.of(LOOPBACK, address("127.0.0.2")), pids(-1, 100), NO_SETTLE).originOf(RELAY, CLIENT))
                .isEqualTo(0);
    }

    @Test
    void aClientEndNotInTheTablesIsUnknownOnceTheSettleTimePassed() {
        Duration settle = Duration.ofMillis(30);
        long start = System.nanoTime();

        int unknown = origin(List.of(LOOPBACK, LOOPBACK), pids(-1, 200), settle)
                .originOf(RELAY, new InetSocketAddress("127.0.0.1", 41001));

        assertThat(unknown).isEqualTo(ConnectionOrigin.UNKNOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(settle);
    }

    @Test
    void aNodeWhosePidBecomesKnownWithinTheSettleTimeIsFound() {
        AtomicInteger asked = new AtomicInteger();
        IntToLongFunction startingLate = participant -> participant == 1 && asked.incrementAndGet() > 2 ? 200 : -1;

        assertThat(origin(List.of(LOOPBACK, LOOPBACK), startingLate, Duration.ofSeconds(5)).originOf(RELAY, CLIENT))
                .isEqualTo(1);
        assertThat(asked).hasValue(3);
    }

    @Test
    void nodesInOneProcessAreUnknownEvenWithAddressesOfTheirOwnAndSaySo() {
        ConnectionOrigin origin = origin(List.of(LOOPBACK, LOOPBACK, address("127.0.0.2")), pids(200, 200, 200), NO_SETTLE);

        assertThat(origin.originOf(RELAY, CLIENT)).isEqualTo(ConnectionOrigin.UNKNOWN);
        assertThat(origin.whyUnidentifiable()).hasValue("participants [0, 1, 2] are one process (pid 200): threads of one"
                + " JVM, as in thread launch, hold their sockets in one process and reach each other from the source"
                + " address the kernel picks, so which of them opened a connection cannot be known; process launch gives"
                + " each node a process of its own");
    }

    /** This host's tables cannot show another host's end, so it is not waited for there. */
    @Test
    void aConnectionFromAnotherHostIsTheNodeBoundToItsSourceAddressAlone() throws SocketException {
        assumeTrue(NetworkInterface.getByInetAddress(HOST_B) == null, "this host has the address " + HOST_B);
        InetSocketAddress fromB = new InetSocketAddress(HOST_B, 41000);
        Duration settle = Duration.ofSeconds(5);
        long start = System.nanoTime();

        assertThat(origin(List.of(HOST_A, HOST_B, LOOPBACK), pids(-1, 100, 200), settle).originOf(RELAY, fromB))
                .isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(settle);
        assertThat(origin(List.of(HOST_A, HOST_B, HOST_B), pids(-1, 100, 200), NO_SETTLE).originOf(RELAY, fromB))
                .isEqualTo(ConnectionOrigin.UNKNOWN);
    }

    @Test
    void withoutSocketTablesTheSourceAddressDecidesAndSharedAddressesAreReported() {
        Path noProc = root.resolve("elsewhere");
        ConnectionOrigin distinct = new ConnectionOrigin(noProc, List.of(LOOPBACK, address("127.0.0.2")), pids(100, 200), NO_SETTLE);
        ConnectionOrigin shared = new ConnectionOrigin(noProc, List.of(HOST_A, LOOPBACK, LOOPBACK), pids(-1, 100, 200), NO_SETTLE);

        assertThat(distinct.originOf(RELAY, CLIENT)).isEqualTo(0);
        assertThat(distinct.whyUnidentifiable()).isEmpty();
        assertThat(shared.originOf(RELAY, CLIENT)).isEqualTo(ConnectionOrigin.UNKNOWN);
        assertThat(shared.whyUnidentifiable()).hasValue("participants [1, 2] bind the same address 127.0.0.1 and " + noProc
                + " does not show this host's sockets (Linux only), so which of them opened a connection cannot be known;"
                + " give each node an address of its own");
    }

    @Test
    void aChannelThatIsNotConnectedHasNoOrigin() throws Exception {
        ConnectionOrigin origin = origin(List.of(LOOPBACK), pids(100), NO_SETTLE);
        SocketChannel channel = SocketChannel.open();

        assertThat(assertThrows(IllegalArgumentException.class, () -> origin.applyAsInt(channel)))
                .hasMessageEndingWith("is asked, but it is not connected");
        channel.close();
        assertThat(assertThrows(IllegalArgumentException.class, () -> origin.applyAsInt(channel)))
                .hasMessageEndingWith("is asked, but it is closed");
    }

    @Test
    void aParticipantWithoutABindAddressIsRefusedNamingTheList() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> origin(Arrays.asList(LOOPBACK, null), pids(100, 200), NO_SETTLE)))
                .hasMessage("every participant needs a bind address, given were [" + LOOPBACK + ", null]");
    }

    private ConnectionOrigin origin(List<InetAddress> bindAddresses, IntToLongFunction pidOf, Duration settle) {
        return new ConnectionOrigin(fake.root, bindAddresses, pidOf, settle);
    }

    private static IntToLongFunction pids(long... byParticipant) {
        return participant -> byParticipant[participant];
    }

    private static InetAddress address(String literal) {
        return new InetSocketAddress(literal, 0).getAddress();
    }
}
