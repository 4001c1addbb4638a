package dev.multinode.transport.sim;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Provides the {@code sim} transport: every node is a thread of the calling JVM, run one step at a
 * time by a scheduler seeded with the run's seed, in virtual time, over a simulated network whose
 * latencies ({@value LatencyModel#PROPERTY}) are drawn from the same seed. Found by
 * {@link java.util.ServiceLoader}.
 */
public final class SimTransportProvider implements TransportProvider {

    /** The name users select this transport by. */
    public static final String NAME = "sim";
    /** The system property bounding how long one step may keep control, in milliseconds. */
    public static final String STEP_TIMEOUT_PROPERTY = "multinode.sim.stepTimeoutMs";
    /** A step that takes this long blocks outside the simulation: no harness call takes a second. */
    private static final long DEFAULT_STEP_TIMEOUT_MS = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LaunchMode> launchModes() {
        return Set.of(LaunchMode.THREAD);
    }

    @Override
    public LaunchMode defaultLaunchMode() {
        return LaunchMode.THREAD;
    }

    @Override
    public List<String> jvmFlags() {
        return List.of();
    }

    /**
     * Opens one simulated run serving every participant of this JVM.
     *
     * @param context the run's parameters; its launch mode must be {@link LaunchMode#THREAD}
     * @return the transport, whose {@link Transport#scheduler()} runs the run
     * @throws IllegalArgumentException if the launch mode, {@value LatencyModel#PROPERTY} or
     *     {@value #STEP_TIMEOUT_PROPERTY} is not acceptable
     */
    @Override
    public Transport open(TransportContext context) {
        if (context.launchMode() != LaunchMode.THREAD) {
            throw new IllegalArgumentException("Transport '" + NAME + "' supports the launch mode thread only, not "
                    + context.launchMode().name().toLowerCase(Locale.ROOT));
        }
        LatencyModel latency = LatencyModel.parse(System.getProperty(LatencyModel.PROPERTY, LatencyModel.DEFAULT));
        SimTrace trace = new SimTrace();
        SimScheduler scheduler = new SimScheduler(context.seed(), stepTimeout(), trace);
        // the network draws from its own stream, so that its draws and the schedule's do not shift each other
        SimNetwork network = new SimNetwork(scheduler, trace, context.participants().size(), context.maxFrameSize(),
                latency, context.seed() * 0x9E3779B97F4A7C15L + 1);
        return new SimTransport(scheduler, network);
    }

    private static Duration stepTimeout() {
        String value = System.getProperty(STEP_TIMEOUT_PROPERTY, String.valueOf(DEFAULT_STEP_TIMEOUT_MS)).trim();
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the error below
        }
        throw new IllegalArgumentException(STEP_TIMEOUT_PROPERTY + "=" + value
                + " is not a step timeout: accepted is a positive number of milliseconds");
    }
}
