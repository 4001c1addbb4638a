package dev.multinode.runtime.protocol;

/**
 * The shared directory's keys that belong to the harness, written once for the nodes that publish
 * them and the conductor that reads them. A body's own keys may not start with either prefix.
 * <pre>
 *   endpoint:&lt;name&gt;              host:port   the node's own endpoint, bound by its system
 *   relay:shared:&lt;name&gt;          host:port   the node's shared relay of that endpoint
 *   relay:link:&lt;peer&gt;:&lt;name&gt;    host:port   the node's relay towards the peer's endpoint
 *   relay:process              pid address  the node's process and bind address, by which shared
 *                                           relays tell which node a connection comes from
 * </pre>
 */
public final class DirectoryKeys {

    /** Keys of the nodes' own endpoints. */
    public static final String ENDPOINT_PREFIX = "endpoint:";
    /** Keys of the nodes' relays. */
    public static final String RELAY_PREFIX = "relay:";

    /** The key of a node's process and bind address. */
    public static final String PROCESS = RELAY_PREFIX + "process";

    private static final String SHARED = RELAY_PREFIX + "shared:";
    private static final String LINK = RELAY_PREFIX + "link:";

    private DirectoryKeys() {
    }

    /**
     * @param name an endpoint's name
     * @return the key of the publishing node's endpoint of that name
     */
    public static String endpoint(String name) {
        return ENDPOINT_PREFIX + name;
    }

    /**
     * @param name an endpoint's name
     * @return the key of the publishing node's shared relay of that endpoint
     */
    public static String sharedRelay(String name) {
        return SHARED + name;
    }

    /**
     * @param peer the role whose endpoint the relay leads to
     * @param name the endpoint's name
     * @return the key of the publishing node's relay towards it
     */
    public static String linkRelay(String peer, String name) {
        return LINK + peer + ":" + name;
    }

    /**
     * @param peer a role
     * @return the prefix of every key of the publishing node's relays towards that role
     */
    public static String linkRelaysTo(String peer) {
        return LINK + peer + ":";
    }

    /** @return the prefix of every key of the publishing node's shared relays */
    public static String sharedRelays() {
        return SHARED;
    }

    /**
     * @param key a key a body asked for
     * @return whether it is the harness's
     */
    public static boolean isReserved(String key) {
        return key.startsWith(ENDPOINT_PREFIX) || key.startsWith(RELAY_PREFIX);
    }
}
