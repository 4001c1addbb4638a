package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multinode.LaunchMode;
import dev.multinode.MultiNodeFailure;
import dev.multinode.testkit.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every run leaves a report a person can read: node logs, a merged log, a timeline page and result.json. */
class ReportSelfTest {

    private static final List<String> ROLES = List.of("node-a", "node-b", "node-c");
    private static final Pattern LINE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z) \\[([A-Za-z0-9._-]+)\\] (.*)");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long CHROMIUM_WAIT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Holds the nodes of parallel runs until all of them are up, so that the runs overlap. */
    private static volatile CountDownLatch parallelNodes;

    static List<Mode> modes() {
        return Mode.all().toList();
    }

    static List<Mode> threadModes() {
        return Mode.all().filter(mode -> mode.launch() == LaunchMode.THREAD).toList();
    }

    /**
     * The thread modes whose nodes run at the same time: a simulation runs one of its threads at a
     * time, so nodes of two simulated runs cannot all be up together for a rendezvous of both runs.
     */
    static List<Mode> concurrentThreadModes() {
        return threadModes().stream().filter(mode -> !mode.transport().equals("sim")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aFailedRunWritesEveryReportFile(Mode mode) throws IOException {
        MultiNodeFailure failure = failAtBarrierTogether(mode);
        Path folder = failure.runDirectory().orElseThrow();
        assertThat(folder.getParent().getFileName()).hasToString("aFailedRunWritesEveryReportFile");
        assertThat(folder.getParent().getParent().getFileName()).hasToString(ReportSelfTest.class.getName());
        for (String file : List.of("node-a.log", "node-b.log", "node-c.log", "merged.log", "timeline.html", "result.json")) {
            assertThat(folder.resolve(file)).as(file).isRegularFile();
        }

        assertThat(failure.getMessage())
                .startsWith("Barrier 'together' failed: node-c finished its body")
                .contains("Seed: " + failure.seed())
                .contains("Run folder: " + folder)
                .containsPattern("Last \\d+ lines of node-c\\.log up to the failure:\\n")
                .contains("[node-c] printed by node-c");
        assertThat(failure.getMessage().indexOf("Run folder: ")).isLessThan(failure.getMessage().indexOf("lines of node-c.log"));

        for (String role : ROLES) {
            String log = Files.readString(folder.resolve(role + ".log"));
            assertThat(log.lines().map(LINE::matcher).filter(Matcher::matches)
                    .filter(line -> line.group(2).equals(role)).map(line -> line.group(3)))
                    .as(role + ".log lines with an instant and the role").contains("printed by " + role, "error line of " + role)
                    .anyMatch(text -> text.endsWith("logged by " + role));
            for (String other : ROLES) {
                if (!other.equals(role)) {
                    assertThat(log).as(role + ".log").doesNotContain("printed by " + other).doesNotContain("[" + other + "]");
                }
            }
        }

        checkResultJson(folder, failure, mode);
        checkMergedLog(folder);
        checkTimeline(Files.readString(folder.resolve("timeline.html")));
    }

    private static void checkResultJson(Path folder, MultiNodeFailure failure, Mode mode) throws IOException {
        JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
        assertThat(result.get("testClass").asText()).isEqualTo(ReportSelfTest.class.getName());
        assertThat(result.get("name").asText()).isEqualTo("aFailedRunWritesEveryReportFile");
        assertThat(result.get("runId").asText()).isEqualTo(folder.getFileName().toString());
        assertThat(result.get("roles")).extracting(JsonNode::asText).containsExactlyElementsOf(ROLES);
        assertThat(result.get("transport").asText()).isEqualTo(mode.transport());
        assertThat(result.get("launchMode").asText()).isEqualTo(mode.launch().name().toLowerCase(Locale.ROOT));
        assertThat(result.get("seed").asText()).isEqualTo(Long.toString(failure.seed()));
        assertThat(result.get("passed").asBoolean()).isFalse();
        Instant started = Instant.parse(result.get("started").asText());
        Instant ended = Instant.parse(result.get("ended").asText());
        assertThat(ended).isAfterOrEqualTo(started);

        JsonNode root = result.get("rootCause");
        assertThat(root.get("role").asText()).isEqualTo("node-c");
        assertThat(root.get("where").asText()).isEqualTo("barrier 'together'");
        assertThat(root.get("summary").asText()).startsWith("Barrier 'together' failed");

        JsonNode nodes = result.get("nodes");
        assertThat(nodes).extracting(node -> node.get("role").asText()).containsExactlyElementsOf(ROLES);
        assertThat(nodes.get(2).get("outcome").asText()).isEqualTo("passed");
        for (int i = 0; i < 2; i++) {
            assertThat(nodes.get(i).get("outcome").asText()).startsWith("cancelled");
            assertThat(nodes.get(i).get("where").asText()).as("the abort may reach a node before it enters the barrier")
                    .isIn("at barrier 'together'", "after barrier 'sent'");
            assertThat(nodes.get(i).get("durationMs").asLong()).isNotNegative();
            assertThat(nodes.get(i).get("log").asText()).isEqualTo(ROLES.get(i) + ".log");
        }
        for (JsonNode node : nodes) {
            assertThat(node.get("relayedBytesSent").asLong()).as("the spec opens no sockets of its own").isZero();
            assertThat(node.get("relayedBytesReceived").asLong()).isZero();
            assertThat(node.get("relayedConnectionsOpened").asLong()).isZero();
        }

        JsonNode barriers = result.get("barriers");
        assertThat(barriers).extracting(barrier -> barrier.get("name").asText()).containsExactly("start", "sent", "together");
        assertThat(barriers).extracting(barrier -> barrier.get("outcome").asText()).containsExactly("passed", "passed", "failed");
        for (JsonNode barrier : barriers) {
            Instant opened = Instant.parse(barrier.get("opened").asText());
            assertThat(opened).isBetween(started, ended);
            assertThat(barrier.get("durationMs").asLong()).isNotNegative();
        }
        assertThat(Instant.parse(barriers.get(1).get("passed").asText()))
                .isAfterOrEqualTo(Instant.parse(barriers.get(1).get("opened").asText()));
        assertThat(barriers.get(2).get("passed").isNull()).isTrue();
        assertThat(barriers.get(1).get("framesInPhase").asLong()).isEqualTo(5);
        assertThat(barriers.get(0).get("framesInPhase").asLong()).isZero();
        assertThat(barriers).extracting(barrier -> barrier.get("relayedBytesInPhase").asLong()).containsOnly(0L);
        assertThat(barriers).extracting(barrier -> barrier.get("relayedConnectionsInPhase").asLong()).containsOnly(0L);
    }

    private static void checkMergedLog(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("merged.log"));
        Instant previous = Instant.MIN;
        Set<String> sources = new TreeSet<>();
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.matches()).as("merged.log line with an instant and a role: " + line).isTrue();
            Instant at = Instant.parse(matcher.group(1));
            assertThat(at).as("merged.log is in time order at: " + line).isAfterOrEqualTo(previous);
            previous = at;
            sources.add(matcher.group(2));
        }
        assertThat(sources).containsExactlyInAnyOrder("conductor", "node-a", "node-b", "node-c");
        String merged = String.join("\n", lines);
        assertThat(merged).contains("[conductor] node-a: node up")
                .contains("[conductor] barrier 'start' passed")
                .contains("[conductor] barrier 'sent' passed")
                .contains("[conductor] node-c: run aborted: Barrier 'together' failed")
                .contains("[conductor] run failed");
        for (String role : ROLES) {
            assertThat(merged).contains("[" + role + "] printed by " + role).contains("[" + role + "] error line of " + role)
                    .containsPattern("\\[" + role + "\\] .*logged by " + role);
        }
        assertThat(merged.indexOf("[conductor] barrier 'start' passed"))
                .as("what a node printed before the first barrier comes before the barrier")
                .isGreaterThan(merged.indexOf("[node-a] printed by node-a"));
    }

    private static void checkTimeline(String page) {
        assertThat(page).startsWith("<!DOCTYPE html>").contains("FAILED").contains("data-timeline");
        List<String> lanes = new ArrayList<>();
        Matcher lane = Pattern.compile("<g class=\"lane\" data-role=\"([^\"]+)\"").matcher(page);
        while (lane.find()) {
            lanes.add(lane.group(1));
        }
        assertThat(lanes).as("one lane per role").containsExactlyElementsOf(ROLES);
        assertThat(page).contains("<g class=\"barrier failed\" data-barrier=\"together\" data-state=\"failed\">")
                .contains("<g class=\"barrier passed\" data-barrier=\"start\"")
                .contains("<g class=\"barrier passed\" data-barrier=\"sent\"")
                .contains("class=\"lane-head root\" data-role=\"node-c\"")
                .contains("id=\"root-cause\"")
                .containsPattern("<g class=\"msg\" data-from=\"node-a\" data-to=\"node-b\"><title>[^<]*5 frames sent</title>");
        String withoutNamespace = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutNamespace).as("the page fetches nothing").doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("<link").doesNotContain(" src=");
    }

    @Test
    void theTimelineRendersInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs " + CHROMIUM + " (Debian package chromium)");
        Path folder = failAtBarrierTogether(modes().get(0)).runDirectory().orElseThrow();
        Path profile = Files.createTempDirectory("multinode-chromium");
        Path screenshot = folder.resolve("timeline.png");
        Path dom = folder.resolve("timeline.dom.html");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1400", "--screenshot=" + screenshot, "--dump-dom",
                folder.resolve("timeline.html").toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(folder.resolve("chromium.err").toFile()).start();
        try {
            assertThat(chromium.waitFor(CHROMIUM_WAIT_SECONDS, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            deleteRecursively(profile);
        }
        assertThat(Files.readString(dom)).as("the page's script ran to its end").contains("data-timeline=\"ready\"")
                .contains("data-role=\"node-c\"");
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).hasSizeGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aPassingRunKeepsItsReportOnlyWhenAskedTo(Mode mode) throws IOException {
        Path runs = Files.createTempDirectory(Path.of("target"), "report-runs");
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            withProperties(runs, false, () -> passingRun(mode, "dropped"));
            // process nodes' class-data archives are a cache kept beside the run folders, not one of them
            assertThat(entries(runs)).as("a passing run leaves no folder, not even its test class's")
                    .isSubsetOf("class-archives");

            withProperties(runs, true, () -> passingRun(mode, "kept"));
            Path folder;
            try (Stream<Path> kept = Files.list(runs.resolve(ReportSelfTest.class.getName()).resolve("kept"))) {
                folder = kept.findFirst().orElseThrow();
            }
            for (String file : List.of("node-a.log", "node-b.log", "merged.log", "timeline.html", "result.json")) {
                assertThat(folder.resolve(file)).as(file).isRegularFile();
            }
            JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
            assertThat(result.get("passed").asBoolean()).isTrue();
            assertThat(result.get("rootCause").isNull()).isTrue();
            assertThat(result.get("name").asText()).isEqualTo("kept");
            assertThat(result.get("barriers")).extracting(barrier -> barrier.get("outcome").asText())
                    .containsExactly("passed", "passed");
            assertThat(Files.readString(folder.resolve("merged.log"))).contains("[conductor] run passed")
                    .contains("[node-b] printed by node-b");
            assertThat(Files.readString(folder.resolve("timeline.html"))).contains("PASSED").doesNotContain("id=\"root-cause\"");
        } finally {
            deleteRecursively(runs);
        }
        assertThat(System.out).as("the JVM's streams are put back").isSameAs(out);
        assertThat(System.err).isSameAs(err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadModes")
    void aRestartAPauseAndAClockSkewShowInTheReport(Mode mode) throws IOException {
        Path runs = Files.createTempDirectory(Path.of("target"), "report-runs");
        try {
            withProperties(runs, true, () -> mode.spec("node-a", "node-b").name("lifecycle").run(node -> {
                node.enterBarrier("start");
                if (node.isRole("node-a")) {
                    node.faults().restart("node-b");
                    node.faults().pause("node-b");
                    node.faults().resume("node-b");
                    node.faults().skewClock("node-b", Duration.ofMillis(500));
                }
                node.enterBarrier("done");
            }));
            Path folder;
            try (Stream<Path> kept = Files.list(runs.resolve(ReportSelfTest.class.getName()).resolve("lifecycle"))) {
                folder = kept.findFirst().orElseThrow();
            }
            JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
            Instant started = Instant.parse(result.get("started").asText());
            Instant ended = Instant.parse(result.get("ended").asText());
            JsonNode restarted = result.get("nodes").get(1);
            assertThat(restarted.get("incarnations").asInt()).isEqualTo(2);
            assertThat(restarted.get("restarts")).hasSize(1);
            assertThat(restarted.get("restarts").get(0).get("incarnation").asInt()).isEqualTo(1);
            assertThat(Instant.parse(restarted.get("restarts").get(0).get("at").asText())).isBetween(started, ended);
            JsonNode pauses = restarted.get("pauses");
            assertThat(pauses).hasSize(1);
            assertThat(Instant.parse(pauses.get(0).get("to").asText()))
                    .isAfterOrEqualTo(Instant.parse(pauses.get(0).get("from").asText()));
            assertThat(restarted.get("clockChanges")).extracting(change -> change.get("text").asText())
                    .containsExactly("clock skewed by 500 ms");
            assertThat(result.get("nodes").get(0).get("incarnations").asInt()).isEqualTo(1);

            String page = Files.readString(folder.resolve("timeline.html"));
            String lane = page.substring(page.indexOf("<g class=\"lane\" data-role=\"node-b\">"));
            assertThat(lane.substring(0, lane.indexOf("</g>\n"))).contains("class=\"lane-down\"").contains(">#1</text>")
                    .contains("class=\"paused\"");
            assertThat(page).contains("<g class=\"ev ev-clock\" data-role=\"node-b\">");
            assertThat(Files.readString(folder.resolve("merged.log"))).contains("[conductor] node-b: killed for a restart")
                    .contains("[conductor] node-b: incarnation 1 up").contains("[conductor] node-b: paused")
                    .contains("[conductor] node-b: resumed").contains("[conductor] node-b: clock skewed by 500 ms");
        } finally {
            deleteRecursively(runs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("concurrentThreadModes")
    void parallelRunsInOneJvmKeepTheirNodesOutputApart(Mode mode) throws Exception {
        Path runs = Files.createTempDirectory(Path.of("target"), "report-runs");
        PrintStream out = System.out;
        parallelNodes = new CountDownLatch(4);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            withProperties(runs, true, () -> {
                List<Future<?>> both = new ArrayList<>();
                for (String run : List.of("first", "second")) {
                    both.add(starters.submit(() -> mode.spec("node-a", "node-b").name(run).run(node -> {
                        parallelNodes.countDown();
                        if (!parallelNodes.await(20, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the other run's nodes did not come up");
                        }
                        node.executor().submit(() -> System.out.println("executor of " + node.role() + " in " + run)).get();
                        System.out.println("body of " + node.role() + " in " + run);
                        node.enterBarrier("printed");
                    })));
                }
                for (Future<?> run : both) {
                    run.get(60, TimeUnit.SECONDS);
                }
            });
            for (String run : List.of("first", "second")) {
                String other = run.equals("first") ? "second" : "first";
                Path folder;
                try (Stream<Path> kept = Files.list(runs.resolve(ReportSelfTest.class.getName()).resolve(run))) {
                    folder = kept.findFirst().orElseThrow();
                }
                for (String role : List.of("node-a", "node-b")) {
                    assertThat(Files.readString(folder.resolve(role + ".log"))).as(run + " " + role)
                            .contains("[" + role + "] body of " + role + " in " + run)
                            .contains("[" + role + "] executor of " + role + " in " + run)
                            .doesNotContain(" in " + other);
                }
            }
        } finally {
            starters.shutdownNow();
            assertThat(starters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            deleteRecursively(runs);
        }
        assertThat(System.out).isSameAs(out);
    }

    private static MultiNodeFailure failAtBarrierTogether(Mode mode) {
        return assertThrows(MultiNodeFailure.class, () -> mode.spec(ROLES.toArray(String[]::new))
                .barrierTimeout(Duration.ofSeconds(30))
                .run(node -> {
                    System.out.println("printed by " + node.role());
                    System.err.println("error line of " + node.role());
                    node.log().info("logged by {}", node.role());
                    node.enterBarrier("start");
                    node.runOn("node-a", () -> {
                        for (int i = 0; i < 5; i++) {
                            node.send("node-b", new byte[] {(byte) i});
                        }
                    });
                    node.enterBarrier("sent");
                    if (!node.role().equals("node-c")) {
                        node.enterBarrier("together"); // node-c finishes instead, which fails the barrier at once
                    }
                }));
    }

    private static void passingRun(Mode mode, String name) {
        mode.spec("node-a", "node-b").name(name).run(node -> {
            System.out.println("printed by " + node.role());
            node.log().info("logged by {}", node.role());
            node.enterBarrier("one");
            node.send(node.role().equals("node-a") ? "node-b" : "node-a", new byte[] {1});
            node.enterBarrier("two");
        });
    }

    /** Runs with the run folder root and keepRuns set, then puts both properties back. */
    private static void withProperties(Path runs, boolean keepRuns, Action action) throws IOException {
        String oldRoot = System.getProperty("multinode.runDir");
        String oldKeep = System.getProperty("multinode.keepRuns");
        System.setProperty("multinode.runDir", runs.toString());
        System.setProperty("multinode.keepRuns", Boolean.toString(keepRuns));
        try {
            action.run();
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            restore("multinode.runDir", oldRoot);
            restore("multinode.keepRuns", oldKeep);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
