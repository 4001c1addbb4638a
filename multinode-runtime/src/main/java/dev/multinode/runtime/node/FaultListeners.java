package dev.multinode.runtime.node;

import dev.multinode.FaultEvent;
import dev.multinode.FaultListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners a body registered with {@code node.onFault}. Told on the receiver thread, before
 * the node confirms the fault; a listener that throws fails the node, since the system it mirrors
 * faults into no longer sees the network the spec set up.
 */
final class FaultListeners {

    private final List<FaultListener> listeners = new CopyOnWriteArrayList<>();
    private final NodeControl control;

    FaultListeners(NodeControl control) {
        this.control = control;
    }

    void add(FaultListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("onFault(null): a listener is needed");
        }
        listeners.add(listener);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    void tell(FaultEvent event) {
        for (FaultListener listener : listeners) {
            try {
                listener.onFault(event);
            } catch (RuntimeException | Error e) {
                control.failInBackground(new IllegalStateException("The fault listener " + listener + " of "
                        + control.role() + " threw on " + event, e));
            }
        }
    }
}
