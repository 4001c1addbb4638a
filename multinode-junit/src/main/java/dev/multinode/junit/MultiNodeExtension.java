package dev.multinode.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Turns a {@link MultiNodeTest} method into one invocation per transport of its
 * {@link Transports}. The method is checked here, so bad input fails the test before any node
 * starts.
 */
final class MultiNodeExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(MultiNodeTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        MultiNodeMethod method = MultiNodeMethod.of(context.getRequiredTestMethod());
        return method.modes().stream().map(mode -> new MultiNodeInvocation(method, mode));
    }
}
