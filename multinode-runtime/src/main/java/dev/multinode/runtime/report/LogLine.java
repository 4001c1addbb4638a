package dev.multinode.runtime.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One line of a node's log, {@code <instant> [<role>] <text>}, with the instant in UTC to the
 * microsecond and of fixed width, so that the logs of nodes in different threads, processes or
 * hosts sort into one merged log by time alone.
 *
 * @param at   when the line was written
 * @param role the node that wrote it
 * @param text what it wrote
 */
public record LogLine(Instant at, String role, String text) {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int INSTANT_LENGTH = "2000-01-01T00:00:00.000000Z".length();

    /**
     * @param at   when
     * @param role the node
     * @return what precedes the text of a line written at {@code at} by {@code role}
     */
    public static String prefix(Instant at, String role) {
        return INSTANT.format(at) + " [" + role + "] ";
    }

    /**
     * @param at when
     * @return the instant as log lines write it
     */
    public static String instant(Instant at) {
        return INSTANT.format(at);
    }

    /**
     * Reads a line written with {@link #prefix}.
     *
     * @param line a line of a node's log
     * @return the line, or null if it does not start with an instant and a role (output written
     *     before the node's streams were set up, such as the JVM's own warnings)
     */
    public static LogLine parse(String line) {
        int roleEnd = line.indexOf("] ", INSTANT_LENGTH);
        if (line.length() < INSTANT_LENGTH + 3 || line.charAt(INSTANT_LENGTH) != ' '
                || line.charAt(INSTANT_LENGTH + 1) != '[' || roleEnd < 0) {
            return null;
        }
        try {
            Instant at = Instant.parse(line.substring(0, INSTANT_LENGTH));
            return new LogLine(at, line.substring(INSTANT_LENGTH + 2, roleEnd), line.substring(roleEnd + 2));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the line as a log writes it */
    public String format() {
        return prefix(at, role) + text;
    }
}
