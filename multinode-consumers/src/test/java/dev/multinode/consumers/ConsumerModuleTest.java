package dev.multinode.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.consumers.spec.TwoNodeSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's module that {@code requires dev.multinode.api} only ({@code src/test/consumer-module}
 * with {@link TwoNodeSpec}), compiled here and run in a child JVM over the built jars and their dependencies: once on the
 * module path, where the runtime and the transports are found as services through their module
 * descriptors, and once on the class path, where {@code META-INF/services} finds them. Each run
 * goes through every transport and launch mode with the README's flags and must print no JVM
 * warning (an unknown module in a flag, an illegal access).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerModuleTest {

    private static final String CONSUMER = "dev.multinode.consumer";
    private static final String MAIN = CONSUMER + ".ConsumerMain";
    private static final List<String> MODES = List.of("inproc/thread", "chronicle/thread", "chronicle/process",
            "tcp/thread", "tcp/process", "sim/thread");
    /** What only an OSGi user installs: the wrapped Agrona would split Agrona's packages here. */
    private static final List<String> OSGI_ONLY = List.of("multinode-osgi-agrona", "org.apache.felix.framework",
            "org.apache.aries.spifly.dynamic.bundle");
    /** How long one child JVM may take for all modes. */
    private static final long RUN_WAIT_SECONDS = 120;

    @TempDir
    Path scratch;
    private Path consumerClasses;
    private List<Path> jars;

    @BeforeAll
    void compileTheConsumer(@TempDir Path classes) throws IOException {
        consumerClasses = classes;
        List<Path> osgiOnly = OSGI_ONLY.stream().map(BuiltJars::jar).toList();
        jars = BuiltJars.classPath().stream()
                .filter(entry -> entry.toString().endsWith(".jar") && !osgiOnly.contains(entry)).toList();
        Path sources = Path.of("src", "test", "consumer-module");
        // the spec the OSGi test runs too, compiled into the consumer's module
        Path spec = Path.of("src", "test", "java", TwoNodeSpec.class.getName().replace('.', File.separatorChar) + ".java");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-Xlint:all,-path", "-Werror",
                "--module-path", BuiltJars.jar("multinode-api") + File.pathSeparator + BuiltJars.jar("slf4j-api")));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        arguments.add(spec.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        assertThat(javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new)))
                .as("javac " + arguments + ":\n" + diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void theApiAloneBindsTheRuntimeAndEveryTransport() {
        Configuration modules = ModuleLayer.boot().configuration().resolveAndBind(ModuleFinder.of(modulePath()), ModuleFinder.of(),
                Set.of(CONSUMER));
        assertThat(modules.modules()).extracting(ResolvedModule::name).contains("dev.multinode.runtime",
                "dev.multinode.transport.inproc", "dev.multinode.transport.chronicle", "dev.multinode.transport.tcp",
                "dev.multinode.transport.sim");
    }

    @Test
    void runsOnTheModulePathInEveryTransportAndLaunchMode() throws Exception {
        List<String> command = new ArrayList<>(UserFlags.modulePath());
        command.addAll(List.of("--module-path", join(modulePath()), "--module", CONSUMER + "/" + MAIN));
        run(command, "module-path.log");
    }

    @Test
    void runsOnTheClassPathInEveryTransportAndLaunchMode() throws Exception {
        List<String> command = new ArrayList<>(UserFlags.classPath());
        command.addAll(List.of("--class-path", join(modulePath()), MAIN));
        run(command, "class-path.log");
    }

    private Path[] modulePath() {
        return Stream.concat(Stream.of(consumerClasses), jars.stream()).toArray(Path[]::new);
    }

    private static String join(Path... entries) {
        return String.join(File.pathSeparator, Stream.of(entries).map(Path::toString).toList());
    }

    /** Runs the consumer with {@code flagsAndMain} and the modes; checks it passed each, silently. */
    private void run(List<String> flagsAndMain, String logName) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flagsAndMain);
        command.addAll(MODES);
        Path log = scratch.resolve(logName);
        Process child = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!child.waitFor(RUN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("The consumer still ran after " + RUN_WAIT_SECONDS + " s: " + command
                    + "\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(command + " exit code; it printed:\n" + output).isZero();
        assertThat(output.lines()).as("what " + command + " printed")
                .containsAll(MODES.stream().map(mode -> "passed " + mode).toList())
                .noneMatch(line -> line.startsWith("WARNING:"));
    }
}
