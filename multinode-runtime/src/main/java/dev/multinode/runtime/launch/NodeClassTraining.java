package dev.multinode.runtime.launch;

import dev.multinode.LaunchMode;
import dev.multinode.MultiNode;
import dev.multinode.MultiNodeProbe;
import java.time.Duration;

/**
 * The main class of the JVM that records a {@link NodeClassArchive}: {@code NodeClassTraining
 * <transport>}. It runs a two-node spec on the transport in thread mode, which loads what a node
 * loads (the transport, the node runtime, probes, barriers, logging) and the conductor besides, and
 * exits normally, which is when the JDK writes the archive.
 */
public final class NodeClassTraining {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private NodeClassTraining() {
    }

    /**
     * @param args the transport's name
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: NodeClassTraining <transport>; got " + args.length + " arguments");
        }
        MultiNode.spec("training-a", "training-b").name("class-archive-training").transport(args[0])
                .launch(LaunchMode.THREAD).run(node -> {
                    MultiNodeProbe inbox = node.probe("inbox");
                    node.onReceive((from, frame) -> node.tell(node.probeRef(from, "inbox"), "echo"));
                    node.enterBarrier("ready");
                    node.runOn("training-a", () -> {
                        node.send("training-b", new byte[] {1});
                        inbox.expectMessage("echo", WAIT);
                    });
                    node.enterBarrier("done");
                });
        System.exit(0);
    }
}
