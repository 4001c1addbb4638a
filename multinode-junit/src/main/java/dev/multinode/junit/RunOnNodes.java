package dev.multinode.junit;

import dev.multinode.MultiNodeFailure;
import dev.multinode.testkit.Mode;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Replaces JUnit's call of the test method in the test JVM by a run in which every node calls it.
 * The run is named after the test class, the method and the mode, not after the stack, on which
 * the extension stands in for the test.
 *
 * @param method the checked test method
 * @param mode   the transport and launch mode of the run
 */
record RunOnNodes(MultiNodeMethod method, Mode mode) implements InvocationInterceptor {

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) {
        invocation.skip();
        Method test = call.getExecutable();
        try {
            method.spec(mode)
                    .testClass(call.getTargetClass().getName())
                    .name(test.getName() + "-" + mode.toString().replace('/', '-'))
                    .run(new TestMethodBody(call.getTargetClass(), test.getDeclaringClass(), test.getName()));
        } catch (MultiNodeFailure failure) {
            FailurePublisher.publish(failure, context);
            throw failure;
        }
    }
}
