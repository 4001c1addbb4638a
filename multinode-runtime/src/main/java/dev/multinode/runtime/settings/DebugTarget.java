package dev.multinode.runtime.settings;

import java.util.List;

/**
 * The node a debugger is meant to attach to ({@code multinode.debug=node-b} or {@code node-b:5005}).
 * In process mode that node's JVM starts with a JDWP agent that waits for the debugger on the
 * loopback port; in either mode the conductor's deadlines stop counting while the node is suspended.
 *
 * @param role the debugged role
 * @param port the loopback port the JDWP agent listens on (process mode)
 */
public record DebugTarget(String role, int port) {

    /** Property naming the debugged role, optionally with the debugger's port. */
    public static final String PROPERTY = "multinode.debug";
    /** The JDWP port when the property names none: the one IDEs offer first. */
    public static final int DEFAULT_PORT = 5005;

    private static final int LARGEST_PORT = 65_535;

    /**
     * @param value the property's value, or null
     * @param roles the run's roles
     * @return the target, or null if the value is absent or blank
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static DebugTarget parse(String value, List<String> roles) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        int colon = trimmed.lastIndexOf(':');
        String role = colon < 0 ? trimmed : trimmed.substring(0, colon);
        if (!roles.contains(role)) {
            throw invalid(value, roles, "no role '" + role + "' in this run");
        }
        if (colon < 0) {
            return new DebugTarget(role, DEFAULT_PORT);
        }
        try {
            int port = Integer.parseInt(trimmed.substring(colon + 1));
            if (port < 1 || port > LARGEST_PORT) {
                throw new NumberFormatException();
            }
            return new DebugTarget(role, port);
        } catch (NumberFormatException e) {
            throw invalid(value, roles, "the port must be a whole number from 1 to " + LARGEST_PORT);
        }
    }

    private static IllegalArgumentException invalid(String value, List<String> roles, String why) {
        return new IllegalArgumentException("Invalid " + PROPERTY + " '" + value + "' (" + why + "): accepted are "
                + "<role> or <role>:<port> with a role of " + roles + " and a port from 1 to " + LARGEST_PORT
                + " (default " + DEFAULT_PORT + ")");
    }
}
