package dev.multinode.selftest.debug;

/** Where the test's debugger puts its breakpoint: a method of its own, so no other code stops there. */
final class BreakpointSpot {

    /** The breakpoint's method name, for the debugger. */
    static final String METHOD = "reached";

    private BreakpointSpot() {
    }

    /** The debugged node calls this; the debugger holds it here. */
    static void reached() {
        // the breakpoint is the point: nothing to do
    }
}
