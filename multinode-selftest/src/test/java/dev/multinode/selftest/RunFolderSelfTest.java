package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.MultiNodeFailure;
import dev.multinode.NodeBody;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A run's folder is named after the fully qualified class that started it. */
public class RunFolderSelfTest {

    /** Fails, so that the run keeps its folder. */
    public static final NodeBody FAILING = node -> {
        throw new IllegalStateException("fails so that its run folder is kept");
    };

    @Test
    void classesOfOneSimpleNameInTwoPackagesGetAFolderEach() throws Exception {
        Path one = startedOffThisTest(dev.multinode.selftest.twins.one.Twin::failedRunFolder);
        Path two = startedOffThisTest(dev.multinode.selftest.twins.two.Twin::failedRunFolder);

        assertThat(one.getParent().getParent().getFileName()).hasToString(dev.multinode.selftest.twins.one.Twin.class.getName());
        assertThat(two.getParent().getParent().getFileName()).hasToString(dev.multinode.selftest.twins.two.Twin.class.getName());
        assertThat(one.getParent().getParent().getParent()).isEqualTo(two.getParent().getParent().getParent());
    }

    /**
     * @param run starts a run that fails
     * @return the run's folder
     */
    public static Path folderOf(Runnable run) {
        try {
            run.run();
        } catch (MultiNodeFailure failure) {
            return failure.runDirectory().orElseThrow();
        }
        throw new AssertionError("the run passed");
    }

    /** A run is named after the nearest test method on its thread's stack: on a thread of its own there is none. */
    private static Path startedOffThisTest(Supplier<Path> twin) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(twin::get).get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
