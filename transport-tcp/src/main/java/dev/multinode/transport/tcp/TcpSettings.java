package dev.multinode.transport.tcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The transport's settings, read from the context's properties first and from the system
 * properties of the same names second.
 *
 * @param bindAddress        the address to listen on, or null for the default (see the package doc)
 * @param conductor          the conductor's {@code host:port}, or null in the JVM that hosts it
 * @param directoryTimeoutNs how long a send waits for the address of a participant
 * @param handshakeTimeoutNs how long a new connection may take to present its handshake
 * @param sendTimeoutNs      how long a send waits for a receiver that does not read
 * @param connectTimeoutNs   how long connecting to a peer may take
 */
record TcpSettings(InetAddress bindAddress, String conductor, long directoryTimeoutNs, long handshakeTimeoutNs,
                   long sendTimeoutNs, long connectTimeoutNs) {

    /** Prefix of every property of this transport. */
    static final String PREFIX = "multinode.tcp.";
    /** The address every endpoint listens on. */
    static final String BIND_ADDRESS = PREFIX + "bindAddress";
    /** The conductor's {@code host:port}, handed down to child JVMs. */
    static final String CONDUCTOR = PREFIX + "conductor";
    /** Milliseconds a send waits for an unknown participant's address; default 30000. */
    static final String DIRECTORY_TIMEOUT = PREFIX + "directoryTimeoutMillis";
    /** Milliseconds a new connection may take to hand in its handshake; default 5000. */
    static final String HANDSHAKE_TIMEOUT = PREFIX + "handshakeTimeoutMillis";
    /** Milliseconds a send waits while the receiver does not read; default 10000. */
    static final String SEND_TIMEOUT = PREFIX + "sendTimeoutMillis";
    /** Milliseconds connecting to a peer may take; default 10000. */
    static final String CONNECT_TIMEOUT = PREFIX + "connectTimeoutMillis";

    private static final long NANOS_PER_MILLI = 1_000_000L;

    /**
     * @param properties the context's properties
     * @return the settings
     * @throws IllegalArgumentException naming the property and the accepted values if one is malformed
     */
    static TcpSettings from(Map<String, String> properties) {
        String bind = value(properties, BIND_ADDRESS);
        return new TcpSettings(bind == null ? null : address(bind), value(properties, CONDUCTOR),
                millis(properties, DIRECTORY_TIMEOUT, 30_000), millis(properties, HANDSHAKE_TIMEOUT, 5_000),
                millis(properties, SEND_TIMEOUT, 10_000), millis(properties, CONNECT_TIMEOUT, 10_000));
    }

    /**
     * @return the conductor's address
     * @throws IllegalArgumentException if {@link #conductor} is not {@code host:port}
     * @throws UnknownHostException if the host cannot be resolved
     */
    InetSocketAddress conductorAddress() throws UnknownHostException {
        int colon = conductor.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(conductor.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException(CONDUCTOR + " must be host:port with a port 1..65535, was '" + conductor + "'");
        }
        String host = conductor.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException("Cannot resolve the conductor's host '" + host + "' (" + CONDUCTOR + ")");
        }
        return address;
    }

    /**
     * @param address a socket address
     * @return it as {@code host:port}, with IPv6 literals in brackets
     */
    static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static String value(Map<String, String> properties, String key) {
        String value = properties.get(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(BIND_ADDRESS + " must be a host name or IP address of this machine, was '"
                    + value + "': " + e.getMessage(), e);
        }
    }

    private static long millis(Map<String, String> properties, String key, long defaultMillis) {
        String value = value(properties, key);
        if (value == null) {
            return defaultMillis * NANOS_PER_MILLI;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed < 1 || parsed > Long.MAX_VALUE / NANOS_PER_MILLI) {
            throw new IllegalArgumentException(key + " must be a positive whole number of milliseconds, was '" + value + "'");
        }
        return parsed * NANOS_PER_MILLI;
    }
}
