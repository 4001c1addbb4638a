package dev.multinode.runtime;

import java.util.Optional;

/** Names a run after the code that started it: the test class and method. */
final class SpecName {

    private SpecName() {
    }

    static String ofCaller() {
        Optional<StackWalker.StackFrame> caller = StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !isHarness(frame.getClassName()))
                .findFirst());
        return caller.map(frame -> simpleName(frame.getClassName()) + "-" + frame.getMethodName()
                .replace("lambda$", "")
                .replaceAll("\\$\\d+$", "")).orElse("spec");
    }

    private static boolean isHarness(String className) {
        return className.startsWith("dev.multinode.runtime.")
                || className.equals("dev.multinode.MultiNode")
                || className.equals("dev.multinode.SpecBuilder");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
