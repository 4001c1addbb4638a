package dev.multinode.transport.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Transport;
import dev.multinode.testkit.ChildJvm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.core.analytics.AnalyticsFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chronicle sends no analytics, writes nothing in the user's home and leaves no thread behind. */
class QuietnessTest {

    /**
     * The JDK's pool thread that waits for child processes: jnr-ffi runs {@code ldconfig -p} once
     * when Chronicle's posix layer loads, and these tests start JVMs. It is the JDK's, idle, and ends
     * by itself after a minute.
     */
    private static final String PROCESS_REAPER = "process reaper";
    private static final String NO_DISK_MONITOR = "-Dchronicle.disk.monitor.disable=true";
    private static final String NO_RELEASER_THREAD = "-Dbackground.releaser=false";
    /** The probes run on the class path, where Chronicle is no named module. */
    private static final List<String> CLASS_PATH_FLAGS = ChronicleTransportProvider.jvmFlags(module -> false);

    @TempDir
    Path runDirectory;

    @TempDir
    Path scratch;

    @Test
    void analyticsAreAbsentAndOff() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("net.openhft.chronicle.analytics.Analytics"));
        assertFalse(AnalyticsFacade.isEnabled(), "Chronicle analytics enabled");
    }

    @Test
    void openingAndClosingWritesNothingInTheUsersHome() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        Set<String> before = listing(home);
        exchangeOneFrame();
        assertEquals(before, listing(home), "entries of " + home);
    }

    @Test
    void noThreadSurvivesClose() throws IOException {
        Set<String> before = Runs.threadNames();
        exchangeOneFrame();
        Set<String> after = Runs.threadNames();
        after.removeAll(before);
        after.remove(PROCESS_REAPER);
        assertEquals(Set.of(), after, "threads started and left running");
    }

    /**
     * A fresh JVM on the class path with the provider's flags and an empty home: the home stays
     * empty, no thread is left, and neither the JVM nor Chronicle has anything to say.
     */
    @Test
    void aFreshJvmWritesNothingInItsHomeAndEndsItsThreads() throws Exception {
        Path home = Files.createDirectory(scratch.resolve("home"));
        List<String> flags = new ArrayList<>(CLASS_PATH_FLAGS);
        flags.add("-Duser.home=" + home);
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("XDG_CACHE_HOME", null);
        String output = runProbe(flags, environment);
        assertEquals(Set.of(), listing(home), "entries written in the child's home; its output:\n" + output);
        assertEquals(Set.of(), newThreads(output), "threads left by the child; its output:\n" + output);
        // One line remains, which no property turns off: "Chronicle core loaded from <jar>".
        List<String> noise = output.lines()
                .filter(line -> line.startsWith("WARNING") || line.contains("net.openhft"))
                .filter(line -> !line.contains("Chronicle core loaded from"))
                .toList();
        assertEquals(List.of(), noise, "JVM warnings and Chronicle log lines; the whole output:\n" + output);
    }

    /**
     * A fresh JVM with only the module-access flags, so Chronicle starts its helper threads:
     * closing the last transport stops them.
     */
    @Test
    void closeStopsChronicleHelperThreadsStartedWithoutTheQuietFlags() throws Exception {
        List<String> flags = new ArrayList<>(CLASS_PATH_FLAGS);
        assertTrue(flags.removeAll(List.of(NO_DISK_MONITOR, NO_RELEASER_THREAD)), "quiet flags present");
        String output = runProbe(flags, Map.of());
        assertEquals(Set.of(), newThreads(output), "threads left by the child; its output:\n" + output);
    }

    private String runProbe(List<String> flags, Map<String, String> environment) throws Exception {
        ChildJvm.Builder probe = ChildJvm.builder(ProbeChild.class).flags(flags).arguments(runDirectory.toString());
        environment.forEach(probe::environment);
        try (ChildJvm child = probe.start(scratch.resolve("probe.log"))) {
            assertEquals(0, child.await(Duration.ofSeconds(60)), "probe exit code; its output:\n" + child.output());
            return child.output();
        }
    }

    private static Set<String> newThreads(String output) {
        String line = output.lines().filter(l -> l.startsWith("NEW-THREADS:")).findFirst()
                .orElseThrow(() -> new AssertionError("no NEW-THREADS line in:\n" + output));
        Set<String> names = Stream.of(line.substring("NEW-THREADS:".length()).split(","))
                .filter(name -> !name.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        names.remove(PROCESS_REAPER);
        return names;
    }

    private void exchangeOneFrame() throws IOException {
        try (Transport transport = new ChronicleTransportProvider().open(Runs.context(runDirectory, 64))) {
            Endpoint a = transport.endpoint(Runs.NODE_A);
            a.send(Runs.NODE_A, 1, ByteBuffer.allocate(8));
            assertEquals(1, Runs.pollUntil(a, (from, type, payload) -> { }, 1, Duration.ofSeconds(10)));
        }
    }

    /** Names of a folder's entries, hidden ones included. */
    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
