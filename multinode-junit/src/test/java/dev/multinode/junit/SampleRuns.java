package dev.multinode.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a sample test class (a static nested class of a test, which Surefire leaves alone) through JUnit Jupiter. */
final class SampleRuns {

    /** Where the samples' published files go; EngineTestKit writes none unless told where. */
    private static final Path OUTPUTS = Path.of("target", "sample-outputs");

    private SampleRuns() {
    }

    static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample))
                .outputDirectoryCreator(new OutputDirectoryCreator() {
                    @Override
                    public Path getRootDirectory() {
                        return OUTPUTS;
                    }

                    @Override
                    public Path createOutputDirectory(TestDescriptor test) throws IOException {
                        return Files.createDirectories(OUTPUTS.resolve(Integer.toHexString(test.getUniqueId().hashCode())));
                    }
                }).execute();
    }
}
