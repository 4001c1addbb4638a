package dev.multinode.runtime.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Which process of this host holds one end of a TCP connection, as Linux shows it under a /proc
 * root: the socket tables {@code net/tcp} and {@code net/tcp6} give the socket's inode, and a
 * process's descriptor links {@code <pid>/fd/*} name the sockets it holds as {@code socket:[inode]}.
 * Only the pids asked about are read, so a lookup costs two tables and those processes' links.
 */
final class ProcSockets {

    /** The inode of an entry no descriptor holds (TIME_WAIT, or an orphan) and of an entry not found. */
    static final long NO_INODE = 0;

    /** After the addresses: state, queues, timer, retransmits, uid, timeout, then the inode. */
    private static final int INODE_FIELD = 6;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** The IPv4-mapped IPv6 prefix: a dual-stack socket's IPv4 ends are in {@code tcp6} in this form. */
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private static final String TCP = "tcp";
    private static final String TCP6 = "tcp6";

    private final Path root;
    /**
     * Where the last IPv4 end was found. Reading a table costs the kernel a walk of its whole hash
     * (milliseconds on a large host), and a run's clients are mostly of one kind (Java's sockets are
     * dual-stack, so in {@code tcp6}), so that table is read first.
     */
    private volatile boolean ipv4InTcp6;

    /** @param root the /proc folder to read: {@code /proc}, or a fake tree in tests */
    ProcSockets(Path root) {
        this.root = root;
    }

    /** Whether this host shows its sockets there: on Linux, unless /proc is not mounted. */
    boolean available() {
        return Files.isDirectory(root.resolve("net"));
    }

    /**
     * The inode of the socket whose own end is {@code local} and whose peer is {@code remote}, from
     * {@code net/tcp} and {@code net/tcp6} (an IPv4 socket may be either: Java's sockets are
     * dual-stack), or {@link #NO_INODE} if no descriptor holds such a socket.
     *
     * @throws UncheckedIOException if a table exists but cannot be read
     */
    long inodeOf(InetSocketAddress local, InetSocketAddress remote) {
        byte[] localIp = local.getAddress().getAddress();
        byte[] remoteIp = remote.getAddress().getAddress();
        String inTcp6 = entry(mapped(localIp), local.getPort(), mapped(remoteIp), remote.getPort());
        if (localIp.length != 4 || remoteIp.length != 4) {
            return find(TCP6, inTcp6);
        }
        String inTcp = entry(localIp, local.getPort(), remoteIp, remote.getPort());
        boolean tcp6First = ipv4InTcp6;
        long inode = tcp6First ? find(TCP6, inTcp6) : find(TCP, inTcp);
        if (inode != NO_INODE) {
            return inode;
        }
        inode = tcp6First ? find(TCP, inTcp) : find(TCP6, inTcp6);
        if (inode != NO_INODE) {
            ipv4InTcp6 = !tcp6First;
        }
        return inode;
    }

    /**
     * The first of {@code pids} that holds the socket {@code inode}, or -1. A process that ended or
     * that belongs to another user (whose links this one may not read) holds nothing here.
     */
    long holderOf(long inode, long[] pids) {
        String socket = "socket:[" + inode + "]";
        for (long pid : pids) {
            if (holds(pid, socket)) {
                return pid;
            }
        }
        return -1;
    }

    private boolean holds(long pid, String socket) {
        Path fds = root.resolve(Long.toString(pid)).resolve("fd");
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                if (socket.equals(target(link))) {
                    return true;
                }
            }
        } catch (NoSuchFileException | AccessDeniedException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the descriptors of process " + pid + " in " + fds, e);
        }
        return false;
    }

    /** A descriptor closed while the folder is listed has no target any more. */
    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException closed) {
            return "";
        }
    }

    /**
     * Each line reads {@code sl: local remote st ...}; the entry's two ends are compared as the
     * kernel prints them, so no line but the matching one is taken apart.
     */
    private long find(String table, String ends) {
        Path file = root.resolve("net").resolve(table);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = lines.readLine()) != null) {
                int start = line.indexOf(':') + 2;
                if (line.regionMatches(true, start, ends, 0, ends.length())) {
                    return inode(file, line, start + ends.length());
                }
            }
        } catch (NoSuchFileException noIpv6) {
            return NO_INODE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the socket table " + file, e);
        }
        return NO_INODE;
    }

    private static long inode(Path file, String line, int from) {
        String[] fields = line.substring(from).trim().split(" +", INODE_FIELD + 2);
        try {
            return Long.parseLong(fields[INODE_FIELD]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("unreadable entry in " + file + ": " + line, e);
        }
    }

    /** The two ends as a table prints them, with the space after each: {@code 0100007F:1F90 0100007F:A3C2 }. */
    private static String entry(byte[] localIp, int localPort, byte[] remoteIp, int remotePort) {
        return address(localIp) + ":" + HEX.toHexDigits((short) localPort) + " "
                + address(remoteIp) + ":" + HEX.toHexDigits((short) remotePort) + " ";
    }

    /** The kernel prints an address as 32-bit words in the host's byte order, each as 8 hex digits. */
    private static String address(byte[] ip) {
        ByteBuffer words = ByteBuffer.wrap(ip).order(ByteOrder.nativeOrder());
        StringBuilder hex = new StringBuilder(ip.length * 2);
        while (words.hasRemaining()) {
            hex.append(HEX.toHexDigits(words.getInt()));
        }
        return hex.toString();
    }

    private static byte[] mapped(byte[] ip) {
        if (ip.length == 16) {
            return ip;
        }
        byte[] mapped = new byte[16];
        System.arraycopy(MAPPED_PREFIX, 0, mapped, 0, MAPPED_PREFIX.length);
        System.arraycopy(ip, 0, mapped, MAPPED_PREFIX.length, ip.length);
        return mapped;
    }
}
