package dev.multinode.selftest.debug;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A debugger, as an IDE is one: it attaches over JDWP to a JVM that waits for it, puts a breakpoint
 * with the suspend policy "all" on {@link BreakpointSpot#reached}, and holds the JVM there for a
 * while before it resumes and detaches. Every wait is bounded.
 */
final class JdiBreakpoint {

    private static final Duration ATTACH_RETRY = Duration.ofMillis(50);

    private JdiBreakpoint() {
    }

    /**
     * @param port  the JDWP agent's loopback port
     * @param hold  how long to keep the JVM suspended at the breakpoint
     * @param bound how long to wait for the JVM to listen and for the breakpoint to be hit
     * @return how long the JVM was held at the breakpoint
     * @throws Exception if the attach fails or the breakpoint is not hit within the bound
     */
    static Duration holdAtBreakpoint(int port, Duration hold, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        VirtualMachine vm = attach(port, deadline);
        try {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(BreakpointSpot.class.getName());
            prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            prepare.enable();
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                EventSet events = vm.eventQueue().remove(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (events == null) {
                    break;
                }
                for (Event event : events) {
                    if (event instanceof ClassPrepareEvent prepared) {
                        breakAt(vm, prepared.referenceType());
                    } else if (event instanceof BreakpointEvent) {
                        long held = System.nanoTime();
                        Thread.sleep(hold.toMillis()); // the scenario: someone looks around at the breakpoint
                        Duration heldFor = Duration.ofNanos(System.nanoTime() - held);
                        events.resume();
                        return heldFor;
                    }
                }
                events.resume(); // the VM start (the agent's suspend=y) and the class's preparation
            }
            throw new AssertionError("The breakpoint at " + BreakpointSpot.class.getSimpleName() + "."
                    + BreakpointSpot.METHOD + " was not hit within " + bound.toMillis() + " ms");
        } finally {
            vm.dispose();
        }
    }

    private static void breakAt(VirtualMachine vm, ReferenceType type) {
        BreakpointRequest breakpoint = vm.eventRequestManager()
                .createBreakpointRequest(type.methodsByName(BreakpointSpot.METHOD).get(0).location());
        breakpoint.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        breakpoint.enable();
    }

    /**
     * The node's JVM opens the agent's port at a moment nothing announces to this JVM, so the only
     * way to learn it is to try to connect until it answers.
     */
    private static VirtualMachine attach(int port, long deadline) throws IOException, IllegalConnectorArgumentsException {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(connector -> connector.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(Integer.toString(port));
        arguments.get("timeout").setValue("5000");
        while (true) {
            try {
                return socket.attach(arguments);
            } catch (IOException notListeningYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notListeningYet;
                }
                LockSupport.parkNanos(ATTACH_RETRY.toNanos());
            }
        }
    }
}
