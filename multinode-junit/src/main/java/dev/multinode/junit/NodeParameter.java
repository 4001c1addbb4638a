package dev.multinode.junit;

import dev.multinode.Node;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Satisfies JUnit's resolution of the {@link Node} parameter in the test JVM, which never calls the
 * method ({@link RunOnNodes} skips that call): each node calls it with its own Node.
 */
final class NodeParameter implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Node.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return null;
    }
}
