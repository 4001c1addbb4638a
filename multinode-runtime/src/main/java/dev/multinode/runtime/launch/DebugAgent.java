package dev.multinode.runtime.launch;

import dev.multinode.runtime.settings.DebugTarget;
import java.util.List;

/**
 * The JDWP agent of a process node a debugger is meant to attach to ({@code multinode.debug}): the
 * node's JVM listens on the loopback port only and holds before its main method until a debugger
 * attaches ({@code suspend=y}), so a breakpoint early in the body is not missed. The conductor does
 * not count that wait against the start timeout. Each JVM of the role (a restart starts another)
 * waits again, and the runner says where, once per JVM, on its standard output.
 */
final class DebugAgent {

    private DebugAgent() {
    }

    /**
     * @param target the run's debug target, or null
     * @param role   the role whose JVM is about to start
     * @return the JVM flags that make it wait for a debugger, or none if the role is not debugged
     */
    static List<String> flags(DebugTarget target, String role) {
        if (target == null || !target.role().equals(role)) {
            return List.of();
        }
        String address = "127.0.0.1:" + target.port();
        System.out.println("multinode: " + role + " waits for a debugger at " + address
                + " (attach your IDE's remote JVM debugger there)");
        return List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=" + address);
    }
}
