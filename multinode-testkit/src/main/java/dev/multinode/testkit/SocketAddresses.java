package dev.multinode.testkit;

import java.net.InetSocketAddress;

/**
 * Socket addresses as the short strings that cross between nodes (a shared-directory value, an
 * all-gather's), for suites and benchmarks whose nodes tell each other where they listen.
 */
public final class SocketAddresses {

    private SocketAddresses() {
    }

    /**
     * @param address a resolved address
     * @return {@code ip:port}, an IP literal, so that reading it back asks no name service
     */
    public static String format(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /**
     * @param ipAndPort what {@link #format} wrote
     * @return the address
     * @throws IllegalArgumentException if it is not {@code ip:port}
     */
    public static InetSocketAddress parse(String ipAndPort) {
        int colon = ipAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not an address '" + ipAndPort + "': expected ip:port");
        }
        return new InetSocketAddress(ipAndPort.substring(0, colon), Integer.parseInt(ipAndPort.substring(colon + 1)));
    }
}
