package dev.multinode.runtime;

import dev.multinode.spi.RunSpec;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Names a run after the code that started it: the test method (the nearest caller annotated as a
 * JUnit or TestNG test, so that a helper the test calls does not name the run) and its class; with
 * no test method on the stack, the first caller outside the harness.
 *
 * @param testClass the fully qualified name of the calling class: classes of one simple name in two
 *                  packages must not share their runs' folders
 * @param method    the calling method, without the decorations of a lambda
 */
record SpecName(String testClass, String method) {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The caller's name, with the test class the spec names if it names one. */
    static SpecName of(RunSpec spec) {
        SpecName caller = ofCaller();
        return spec.testClass() == null ? caller : new SpecName(spec.testClass(), caller.method());
    }

    private static SpecName ofCaller() {
        List<StackWalker.StackFrame> callers = WALKER.walk(frames -> frames
                .filter(frame -> !isHarness(frame.getClassName()))
                .toList());
        Optional<StackWalker.StackFrame> caller = callers.stream().filter(SpecName::isTestMethod).findFirst()
                .or(() -> callers.stream().findFirst());
        return caller.map(frame -> new SpecName(namedClass(frame.getClassName()), frame.getMethodName()
                .replace("lambda$", "")
                .replaceAll("\\$\\d+$", ""))).orElse(new SpecName("multinode", "spec"));
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        try {
            for (Method method : frame.getDeclaringClass().getDeclaredMethods()) {
                if (method.getName().equals(frame.getMethodName())) {
                    for (Annotation annotation : method.getAnnotations()) {
                        String type = annotation.annotationType().getName();
                        if ((type.startsWith("org.junit.") || type.startsWith("org.testng.")) && type.endsWith("Test")) {
                            return true;
                        }
                    }
                }
            }
        } catch (LinkageError | SecurityException e) {
            // a class we cannot inspect is not a test we can name the run after
        }
        return false;
    }

    private static boolean isHarness(String className) {
        return className.startsWith("dev.multinode.runtime.")
                || className.equals("dev.multinode.MultiNode")
                || className.equals("dev.multinode.SpecBuilder");
    }

    /** An anonymous class stands for the class it is written in. */
    private static String namedClass(String className) {
        return className.replaceAll("(\\$\\d+)+$", "");
    }
}
