package dev.multinode.runtime.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket tables and descriptor links of a fake /proc, in the kernel's own formats. */
class ProcSocketsTest {

    private static final InetSocketAddress RELAY = new InetSocketAddress("127.0.0.1", 7000);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 41000);

    @TempDir
    Path root;
    private FakeProc fake;
    private ProcSockets proc;

    @BeforeEach
    void littleEndianTables() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the tables are as a little-endian kernel prints them");
        fake = new FakeProc(root);
        proc = new ProcSockets(root);
    }

    @Test
    void anIpv4EntryGivesTheInodeOfTheEndWhoseOwnAddressIsTheLocalOne() {
        fake.table("tcp", FakeProc.TCP_HEADER,
                FakeProc.entry(0, "0100007F:1B58", "00000000:0000", "0A", 50000),
                FakeProc.entry(1, "0100007F:A028", "0100007F:1B58", "01", 51234),
                FakeProc.entry(2, "0100007F:1B58", "0100007F:A028", "01", 51235));

        assertThat(proc.inodeOf(CLIENT, RELAY)).isEqualTo(51234);
        assertThat(proc.inodeOf(RELAY, CLIENT)).isEqualTo(51235);
        assertThat(proc.available()).isTrue();
    }

    @Test
    void anIpv6EntryIsReadFromTcp6WordByWord() {
        fake.table("tcp6", FakeProc.TCP6_HEADER, FakeProc.entry(0, "B80D0120000000000000000005000000:A029",
                "B80D0120000000000000000001000000:1B58", "01", 61234));

        assertThat(proc.inodeOf(new InetSocketAddress("2001:db8::5", 41001), new InetSocketAddress("2001:db8::1", 7000)))
                .isEqualTo(61234);
        assertThat(proc.inodeOf(new InetSocketAddress("2001:db8::5", 41001), new InetSocketAddress("2001:db8::2", 7000)))
                .isEqualTo(ProcSockets.NO_INODE);
    }

    @Test
    void anIpv4ConnectionOfADualStackSocketIsFoundInTcp6Mapped() {
        fake.table("tcp", FakeProc.TCP_HEADER, FakeProc.entry(0, "0100007F:1B58", "00000000:0000", "0A", 50000))
                .table("tcp6", FakeProc.TCP6_HEADER, FakeProc.entry(0, "0000000000000000FFFF00000100007F:A028",
                        "0000000000000000FFFF00000100007F:1B58", "01", 71234));

        assertThat(proc.inodeOf(CLIENT, RELAY)).isEqualTo(71234);
    }

    @Test
    void anEntryNoDescriptorHoldsOrNoneAtAllHasNoInode() {
        fake.table("tcp", FakeProc.TCP_HEADER, FakeProc.entry(0, "0100007F:A028", "0100007F:1B58", "06", 0));

        assertThat(proc.inodeOf(CLIENT, RELAY)).isEqualTo(ProcSockets.NO_INODE);
        assertThat(proc.inodeOf(new InetSocketAddress("127.0.0.1", 41002), RELAY)).isEqualTo(ProcSockets.NO_INODE);
    }

    @Test
    void theHolderIsTheProcessWithALinkToThatVerySocket() {
        fake.process(100, "/dev/null", "socket:[5123]", "pipe:[51234]", "socket:[512345]")
                .process(200, "/dev/null", "socket:[51234]");

        assertThat(proc.holderOf(51234, new long[] {100, 300, 200})).isEqualTo(200);
        assertThat(proc.holderOf(51234, new long[] {100, 300})).isEqualTo(-1);
    }

    @Test
    void aTreeWithoutSocketTablesIsNotAvailable() {
        assertThat(proc.available()).isFalse();
        assertThat(proc.inodeOf(CLIENT, RELAY)).isEqualTo(ProcSockets.NO_INODE);
    }
}
