package dev.multinode.runtime;

import dev.multinode.LaunchMode;
import dev.multinode.NodeBody;
import dev.multinode.runtime.body.BodySerializer;
import dev.multinode.runtime.conductor.Conductor;
import dev.multinode.runtime.conductor.ConductorClock;
import dev.multinode.runtime.conductor.ConductorResult;
import dev.multinode.runtime.conductor.ConductorTimeouts;
import dev.multinode.runtime.conductor.RunEvents;
import dev.multinode.runtime.launch.ExternalLauncher;
import dev.multinode.runtime.launch.JvmAccess;
import dev.multinode.runtime.launch.NodeLauncher;
import dev.multinode.runtime.launch.ProcessLauncher;
import dev.multinode.runtime.launch.RoleJvmOptions;
import dev.multinode.runtime.launch.RunContext;
import dev.multinode.runtime.launch.ThreadLauncher;
import dev.multinode.runtime.node.IdleStrategies;
import dev.multinode.runtime.node.NodeConfig;
import dev.multinode.runtime.node.NodeOutcome;
import dev.multinode.runtime.report.ReportWriter;
import dev.multinode.runtime.report.RunRecord;
import dev.multinode.runtime.settings.Exploration;
import dev.multinode.runtime.settings.RunSettings;
import dev.multinode.runtime.settings.TransportCatalog;
import dev.multinode.spi.Endpoint;
import dev.multinode.spi.MultiNodeRunner;
import dev.multinode.spi.RunSpec;
import dev.multinode.spi.ScheduleTrace;
import dev.multinode.spi.Scheduler;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.concurrent.AgentRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's {@link MultiNodeRunner}: validates the spec, opens the transport, starts the
 * conductor and the nodes, waits, cleans up and reports. The conductor's thread, its waits and its
 * clocks are the transport's {@link Scheduler}'s, like the nodes'; a simulating scheduler then runs
 * them all on the calling thread's {@link Scheduler#drive()}.
 */
public final class DefaultMultiNodeRunner implements MultiNodeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultMultiNodeRunner.class);
    /** The transport's frame limit never goes below this, so failure reports always fit. */
    private static final int CONTROL_FRAME_SIZE = 64 * 1024;
    private static final Duration CONDUCTOR_MARGIN = Duration.ofSeconds(30);
    private static final Duration NODE_JOIN = Duration.ofSeconds(15);
    private static final String SECRET = "multinode.secret";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    @Override
    public void run(RunSpec spec, NodeBody body) {
        SpecName caller = SpecName.of(spec);
        RunSettings settings = RunSettings.resolve(spec, System.getProperties(), caller.method());
        Exploration exploration = Exploration.resolve(System.getProperties());
        TransportProvider provider = TransportCatalog.load().get(settings.transport());
        JvmAccess.require(provider, JvmAccess.TEST_JVM_ADVICE);
        LaunchMode launchMode = chooseLaunchMode(settings, provider);
        RoleJvmOptions.warnIfIgnored(settings, launchMode);
        byte[] serializedBody = BodySerializer.serialize(body);
        SeedExploration.explore(exploration, settings.seed(),
                seed -> runOnce(caller, settings.withSeed(seed), provider, launchMode, serializedBody, body));
    }

    /** @return the run's trace if it was simulated, else null */
    private static ScheduleTrace runOnce(SpecName caller, RunSettings settings, TransportProvider provider,
                                         LaunchMode launchMode, byte[] serializedBody, NodeBody body) {
        String runId = RunDirectory.newRunId();
        Path runDirectory = RunDirectory.create(settings.runRoot(), caller.testClass(), settings.name(), runId);
        List<String> participants = new ArrayList<>();
        participants.add("conductor");
        participants.addAll(settings.roles());
        TransportContext transportContext = new TransportContext(runId, runDirectory, participants,
                Math.max(settings.maxFrameSize(), CONTROL_FRAME_SIZE), launchMode, newSecret(), Map.of(), settings.seed());

        ConductorResult result;
        List<RunEvents.Event> events;
        Map<String, NodeOutcome> localOutcomes;
        List<String> stragglers;
        Instant started;
        Instant ended;
        ScheduleTrace trace;
        try (Transport transport = open(provider, transportContext);
             NodeLauncher launcher = launcherFor(launchMode)) {
            Scheduler scheduler = transport.scheduler();
            started = instant(scheduler);
            Endpoint conductorEndpoint = transport.endpoint(TransportContext.CONDUCTOR);
            Conductor conductor = new Conductor(conductorEndpoint, settings.roles(),
                    new ConductorTimeouts(RunContext.START_TIMEOUT, settings.timeout(), RunContext.ABORT_GRACE),
                    new ConductorClock(scheduler::nanoTime, scheduler::epochNanos), transportContext.maxFrameSize(),
                    settings.skipPausedNodes());
            if (settings.debug() != null) {
                conductor.debuggedNode(settings.debug().role());
            }
            try (AgentRunner conductorRunner = startConductor(conductor, conductorEndpoint, scheduler)) {
                launcher.launch(new RunContext(settings, launchMode, provider, transport, transportContext, conductor,
                        serializedBody, body.getClass().getClassLoader(), runDirectory));
                drive(scheduler, conductor);
                result = awaitConductor(conductor, settings);
                localOutcomes = launcher.awaitNodes(NODE_JOIN, Set.copyOf(result.notStopped()));
                stragglers = launcher.stragglers();
            }
            events = conductor.events().snapshot();
            ended = instant(scheduler);
            trace = scheduler.trace();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the run over transport '" + provider.name() + "': " + e, e);
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot start the run: " + e, e);
        }
        if (!result.passed() || settings.keepRuns()) { // a passing run's folder is deleted: no report to write
            ReportWriter.write(new RunRecord(caller.testClass(), settings.name(), runId, runDirectory, settings.roles(),
                    provider.name(), launchMode.name().toLowerCase(Locale.ROOT), settings.seed(), started, ended, result,
                    events, localOutcomes, trace));
        }
        if (!result.passed()) {
            throw FailureReport.of(settings, provider.name() + "/" + launchMode.name().toLowerCase(Locale.ROOT), result,
                    events, localOutcomes, stragglers, runDirectory);
        }
        if (!settings.keepRuns()) {
            deleteQuietly(runDirectory);
        }
        return trace;
    }

    /**
     * A simulating scheduler runs the run here; one that cannot go on (a thread blocked outside it)
     * lets the threads run free, and the run is aborted with its word as the root cause.
     */
    private static void drive(Scheduler scheduler, Conductor conductor) {
        try {
            scheduler.drive();
        } catch (IllegalStateException cannotGoOn) {
            conductor.abort(cannotGoOn.getMessage());
        }
    }

    /** A simulated run's report shows its virtual time, as its timeline does. */
    private static Instant instant(Scheduler scheduler) {
        long nanos = scheduler.epochNanos();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static LaunchMode chooseLaunchMode(RunSettings settings, TransportProvider provider) {
        LaunchMode mode = settings.launch() != null ? settings.launch() : provider.defaultLaunchMode();
        if (!provider.launchModes().contains(mode)) {
            throw new IllegalArgumentException("Transport '" + provider.name() + "' does not support launch mode "
                    + mode.name().toLowerCase(Locale.ROOT) + " (" + RunSettings.LAUNCH + "): it supports "
                    + provider.launchModes().stream().map(m -> m.name().toLowerCase(Locale.ROOT)).sorted().toList());
        }
        return mode;
    }

    private static Transport open(TransportProvider provider, TransportContext context) throws IOException {
        return provider.open(context);
    }

    private static NodeLauncher launcherFor(LaunchMode mode) {
        return switch (mode) {
            case THREAD -> new ThreadLauncher();
            case PROCESS -> new ProcessLauncher();
            case EXTERNAL -> new ExternalLauncher();
        };
    }

    private static ConductorResult awaitConductor(Conductor conductor, RunSettings settings) {
        // In a debug run the conductor's deadlines leave out the time the debugged node was suspended.
        Duration bound = settings.debug() != null ? NodeConfig.DEBUG_RUN_BOUND
                : settings.timeout().plus(RunContext.START_TIMEOUT).plus(RunContext.ABORT_GRACE).plus(CONDUCTOR_MARGIN);
        try {
            return conductor.result().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The conductor failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The conductor did not finish within " + bound.toMillis() + " ms", e);
        }
    }

    /** External nodes must know the secret, so a user may choose it; otherwise each run draws its own. */
    private static String newSecret() {
        String chosen = System.getProperty(SECRET);
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /**
     * The conductor's thread sleeps until a frame arrives when idle, like every waiting thread of a
     * run, and never keeps the JVM alive (the scheduler's threads are daemons).
     */
    private static AgentRunner startConductor(Conductor conductor, Endpoint endpoint, Scheduler scheduler) {
        AgentRunner runner = new AgentRunner(
                IdleStrategies.conductor(endpoint, scheduler, conductor::nanosToNextDeadline, conductor::wakeUpWith),
                conductor::onError, null,
                conductor);
        AgentRunner.startOnThread(runner,
                task -> scheduler.newThread(Thread.currentThread().getThreadGroup(), task, conductor.roleName()));
        return runner;
    }

    private static void deleteQuietly(Path runDirectory) {
        try {
            RunDirectory.delete(runDirectory);
        } catch (IOException e) {
            LOG.warn("Cannot delete the run folder {}: {}", runDirectory, e.toString());
        }
    }

}
