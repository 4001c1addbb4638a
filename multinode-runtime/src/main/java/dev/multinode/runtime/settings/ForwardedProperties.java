package dev.multinode.runtime.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The test JVM's system properties that process nodes get too, so that a node sees what the test
 * JVM was given on its command line, by Surefire ({@code systemPropertyVariables}, Maven's
 * {@code -D}) or by {@code System.setProperty} before the run. Left out are the JDK's own and
 * those that describe the test JVM's process (its class path, working and home folders,
 * Surefire's files): a node JVM has its own.
 *
 * <p>Each key is decided by the longest prefix that matches it among the built-in exclusions,
 * {@value #EXCLUDE} (excluded) and {@value #FORWARD} (forwarded); on a tie, forwarding wins, since
 * it was asked for by name. A key no prefix matches is forwarded. {@code *} stands for every key.
 */
public final class ForwardedProperties {

    /** Property with prefixes of keys to forward although a shorter exclusion matches them, separated by commas. */
    public static final String FORWARD = "multinode.forwardProperties";
    /** Property with prefixes of keys not to forward, separated by commas. */
    public static final String EXCLUDE = "multinode.forwardExclude";

    /**
     * The JDK's own namespaces, and the properties Surefire sets to paths of its fork. Nothing of
     * {@code javax.} (the JDK sets none; {@code javax.net.ssl.*} are a user's).
     */
    static final List<String> BUILT_IN_EXCLUSIONS = List.of("java.", "jdk.", "sun.", "os.", "user.", "file.",
            "line.", "path.", "native.", "stdout.", "stderr.", "surefire.", "basedir", "localRepository");

    private ForwardedProperties() {
    }

    /**
     * @param properties the test JVM's system properties
     * @return the properties to give every process node, sorted by key
     * @throws IllegalArgumentException if {@value #FORWARD} or {@value #EXCLUDE} holds an empty prefix
     */
    public static Map<String, String> of(Properties properties) {
        List<String> forward = prefixes(properties, FORWARD);
        List<String> exclude = prefixes(properties, EXCLUDE);
        Map<String, String> forwarded = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            int excluded = Math.max(longestMatch(key, BUILT_IN_EXCLUSIONS), longestMatch(key, exclude));
            if (excluded < 0 || longestMatch(key, forward) >= excluded) {
                forwarded.put(key, properties.getProperty(key));
            }
        }
        return forwarded;
    }

    /** @return the length of the longest prefix of {@code key} among {@code prefixes}, or -1 if none is */
    private static int longestMatch(String key, List<String> prefixes) {
        int longest = -1;
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                longest = Math.max(longest, prefix.length());
            }
        }
        return longest;
    }

    private static List<String> prefixes(Properties properties, String setting) {
        String value = properties.getProperty(setting, "");
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",", -1)).map(String::trim).map(prefix -> {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("Invalid " + setting + " '" + value
                        + "': accepted are key prefixes separated by commas (java.net., app.), or * for every key");
            }
            return prefix.equals("*") ? "" : prefix;
        }).toList();
    }
}
