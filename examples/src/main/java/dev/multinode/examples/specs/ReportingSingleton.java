package dev.multinode.examples.specs;

import dev.multinode.Node;
import dev.multinode.ProbeRef;
import dev.multinode.examples.cluster.singleton.Singleton;
import dev.multinode.examples.cluster.singleton.SingletonContext;

/**
 * A singleton instance that tells a witness's probe when it starts ({@code started@<host>}), each time
 * it handles a message ({@code acted@<host>}) and when it stops ({@code stopped@<host>}), the events
 * an {@link InstanceLedger} reads; it answers with its host.
 */
final class ReportingSingleton implements Singleton {

    private final Node node;
    private final ProbeRef witness;
    private final String host;

    private ReportingSingleton(Node node, ProbeRef witness, String host) {
        this.node = node;
        this.witness = witness;
        this.host = host;
    }

    /**
     * Starts an instance and reports it.
     *
     * @param node    the node it runs on
     * @param witness the probe the events go to
     * @param context the instance's name and host
     * @return the instance
     */
    static ReportingSingleton start(Node node, ProbeRef witness, SingletonContext context) {
        node.tell(witness, "started@" + context.host());
        return new ReportingSingleton(node, witness, context.host());
    }

    @Override
    public String onMessage(String message) {
        node.tell(witness, "acted@" + host);
        return host;
    }

    @Override
    public void onStop() {
        node.tell(witness, "stopped@" + host);
    }
}
