package dev.multinode.testkit;

import java.util.List;

/**
 * The whole conformance suite of a transport, in every mode it supports except external: extend it
 * in one test class and name the transport.
 *
 * <pre>{@code
 * class MyTransportConformanceTest extends TransportConformance {
 *     @Override
 *     protected String transport() {
 *         return "my-transport";
 *     }
 * }
 * }</pre>
 *
 * The transport is found by {@link java.util.ServiceLoader}, as a spec finds it. Each case is named
 * after its mode ({@code my-transport/thread}, {@code my-transport/process}) and a failure starts with
 * it. The endpoint suites ({@link AllocationConformance}, {@link ConcurrentSendConformance},
 * {@link FrameWaitConformance}) open the transport directly, as a thread-mode run does, with every
 * endpoint in the test's JVM; the others run specs.
 */
public abstract class TransportConformance implements BarrierConformance, BarrierFailureConformance, FailureConformance,
        IgnoredAbortConformance, MessagingConformance, FaultConformance, LeakConformance, ProcessConformance,
        AllocationConformance, ConcurrentSendConformance, FrameWaitConformance, LifecycleConformance, DirectoryConformance,
        PortConformance, RelayConformance {

    /** For subclasses. */
    protected TransportConformance() {
    }

    /** @return the name of the transport under test, as its {@code TransportProvider} gives it */
    protected abstract String transport();

    /**
     * @throws IllegalArgumentException if the transport is not on the test's class or module path
     */
    @Override
    public final List<Mode> modes() {
        return Mode.of(transport()).toList();
    }
}
