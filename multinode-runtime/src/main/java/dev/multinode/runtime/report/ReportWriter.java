package dev.multinode.runtime.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's report into its folder, next to the node logs: {@code merged.log},
 * {@code timeline.html} and {@code result.json}. A report that cannot be written is logged, never
 * thrown: it must not hide the run's own outcome.
 */
public final class ReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private ReportWriter() {
    }

    /**
     * Writes the report of a run whose nodes have stopped and whose logs are closed.
     *
     * @param run the run
     */
    public static void write(RunRecord run) {
        try {
            MergedLog.write(run);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write {} of run {}", MergedLog.FILE, run.runDirectory(), e);
        }
        writeQuietly(run.runDirectory().resolve(TimelinePage.FILE), run, TimelinePage::of);
        writeQuietly(run.runDirectory().resolve(ResultJson.FILE), run, ResultJson::of);
    }

    private static void writeQuietly(Path file, RunRecord run, Function<RunRecord, String> content) {
        try {
            Files.writeString(file, content.apply(run), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write {} of run {}", file.getFileName(), run.runDirectory(), e);
        }
    }
}
