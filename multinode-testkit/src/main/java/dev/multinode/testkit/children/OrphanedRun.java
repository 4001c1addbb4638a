package dev.multinode.testkit.children;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * A parent JVM for {@link dev.multinode.testkit.ProcessConformance}: runs a process-mode spec whose nodes write their pids
 * to a file and then block, so that the test can kill this JVM and watch the nodes exit.
 */
public final class OrphanedRun {

    private OrphanedRun() {
    }

    /**
     * @param args transport name, pid file
     */
    public static void main(String[] args) {
        String pidFile = args[1];
        MultiNode.spec("node-a", "node-b").transport(args[0]).launch(LaunchMode.PROCESS).run(node -> {
            String line = ProcessHandle.current().pid() + System.lineSeparator();
            Files.writeString(Path.of(pidFile), line, StandardOpenOption.APPEND);
            new CountDownLatch(1).await();
        });
    }
}
