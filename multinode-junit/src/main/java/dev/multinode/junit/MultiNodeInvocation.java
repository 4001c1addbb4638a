package dev.multinode.junit;

import dev.multinode.testkit.Mode;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One invocation of a {@link MultiNodeTest}: a run in one transport and launch mode, named after
 * them ({@code [tcp/process]}), so that reports tell the transports apart.
 *
 * @param method the checked test method
 * @param mode   the transport and launch mode of this run
 */
record MultiNodeInvocation(MultiNodeMethod method, Mode mode) implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
        return "[" + mode + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new NodeParameter(), new RunOnNodes(method, mode));
    }
}
