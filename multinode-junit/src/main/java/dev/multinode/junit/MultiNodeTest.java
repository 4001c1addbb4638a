package dev.multinode.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated method as the body of every node: once per role, over each transport of
 * {@link Transports} (one invocation each, named {@code [transport/launch]}).
 *
 * <pre>{@code
 * @MultiNodeTest(roles = {"node-a", "node-b"})
 * @Transports({"inproc", "tcp"})
 * void helloReachesNodeB(Node node) {
 *     node.enterBarrier("started");
 *     node.runOn("node-a", () -> node.tell(node.probeRef("node-b", "inbox"), "hello"));
 *     node.runOn("node-b", () -> node.probe("inbox").expectMessage("hello", Duration.ofSeconds(5)));
 *     node.enterBarrier("done");
 * }
 * }</pre>
 *
 * <p>The method takes one parameter, the {@link dev.multinode.Node}. Every node calls it on its own
 * instance of the test class, created with the class's no-argument constructor in the node (in its
 * own JVM in process mode): fields and helper methods belong to that node alone, and nothing is
 * captured or serialized but the class and the method's name. A test class in a named module opens
 * its package to {@code dev.multinode.junit}, as it does to {@code org.junit.platform.commons}.
 *
 * <p>Lifecycle: {@code @BeforeEach}, {@code @AfterEach}, {@code @BeforeAll} and {@code @AfterAll}
 * are JUnit's, and run in the test JVM only, around the whole run of each invocation, never in the
 * nodes: a process node is another JVM that JUnit does not run, and running them in some launch
 * modes only would make a test behave differently per transport. Set a node up at the start of the
 * method instead.
 *
 * <p>A failed run fails the invocation with the run's {@link dev.multinode.MultiNodeFailure},
 * publishes the run's {@code timeline.html} as a file and the run folder, seed and each node's
 * outcome as report entries. A method whose parameters, roles, transports or options are wrong
 * fails before any node starts, with a message naming the method and the bad value.
 *
 * <p>Options left empty come from the {@code multinode.*} system properties, as for
 * {@link dev.multinode.MultiNode#spec(String...)}. Durations are ISO-8601, such as {@code PT30S}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(MultiNodeExtension.class)
public @interface MultiNodeTest {

    /** @return the roles, one node each; at least one */
    String[] roles();

    /** @return the default barrier timeout, ISO-8601 ({@code PT5S}); empty for {@code multinode.barrierTimeout} */
    String barrierTimeout() default "";

    /** @return how long the bodies may run, ISO-8601 ({@code PT2M}); empty for {@code multinode.timeout} */
    String timeout() default "";

    /** @return the run's seed, one value at most ({@code seed = 42}); none for {@code multinode.seed} */
    long[] seed() default {};

    /** @return record and enum classes allowed in probe messages */
    Class<?>[] allow() default {};

    /** @return extra JVM arguments for process nodes */
    String[] jvmArgs() default {};

    /** @return whether barriers release without the nodes paused while they wait */
    boolean barriersSkipPausedNodes() default false;
}
