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
     * @param args transport name, pid file, and optionally a file that node-a writes once it paused
     *             node-b (SIGSTOP), so that the parent dies with a stopped child
     */
    public static void main(String[] args) {
        String pidFile = args[1];
        String pausedFile = args.length > 2 ? args[2] : null;
        MultiNode.spec("node-a", "node-b").transport(args[0]).launch(LaunchMode.PROCESS).run(node -> {
            String line = ProcessHandle.current().pid() + System.lineSeparator();
            Files.writeString(Path.of(pidFile), line, StandardOpenOption.APPEND);
            if (pausedFile != null) {
                node.enterBarrier("pids-written");
                node.runOn("node-a", () -> {
                    node.faults().pause("node-b");
                    Files.writeString(Path.of(pausedFile), "node-b paused");
                });
            }
            new CountDownLatch(1).await();
        });
    }
}
