package dev.multinode.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The transports a {@link MultiNodeTest} runs over, one invocation each, in the order given.
 * Without it, the test runs once, in the transport and launch mode of the {@code multinode.transport}
 * and {@code multinode.launch} system properties (by default {@code inproc}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Transports {

    /**
     * @return {@code transport} or {@code transport/launch} entries, such as {@code inproc},
     *         {@code tcp/process}; an entry without a launch mode takes its transport's own
     */
    String[] value();
}
