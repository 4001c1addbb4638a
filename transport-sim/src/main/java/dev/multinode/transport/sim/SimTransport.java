package dev.multinode.transport.sim;

import dev.multinode.spi.Endpoint;
import dev.multinode.spi.Scheduler;
import dev.multinode.spi.Transport;
import java.util.Map;

/** One simulated run: its scheduler (which keeps its trace) and the network between its participants. */
final class SimTransport implements Transport {

    private final SimScheduler scheduler;
    private final SimNetwork network;

    SimTransport(SimScheduler scheduler, SimNetwork network) {
        this.scheduler = scheduler;
        this.network = network;
    }

    @Override
    public Endpoint endpoint(int participant) {
        return network.endpoint(participant);
    }

    @Override
    public Map<String, String> childProperties() {
        return Map.of();
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        network.close();
    }
}
