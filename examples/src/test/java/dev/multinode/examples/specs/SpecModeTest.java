package dev.multinode.examples.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.LaunchMode;
import dev.multinode.spi.TransportProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecModeTest {

    private final Map<String, TransportProvider> transports = SpecMode.installedTransports();

    @Test
    void everyTransportOfTheBuildIsInstalled() {
        assertEquals(List.of("chronicle", "inproc", "tcp"), List.copyOf(transports.keySet()));
    }

    @Test
    void anEntryWithoutALaunchTakesTheTransportsDefault() {
        assertEquals(List.of(new SpecMode("inproc", LaunchMode.THREAD), new SpecMode("chronicle", LaunchMode.PROCESS),
                new SpecMode("tcp", LaunchMode.PROCESS)), SpecMode.parseAll("inproc, chronicle,tcp", null, transports));
    }

    @Test
    void anExplicitLaunchWinsOverTheDefaultLaunch() {
        assertEquals(List.of(new SpecMode("chronicle", LaunchMode.THREAD), new SpecMode("tcp", LaunchMode.PROCESS)),
                SpecMode.parseAll("chronicle,tcp/process", "thread", transports));
        assertEquals("chronicle/thread", new SpecMode("chronicle", LaunchMode.THREAD).toString());
    }

    @Test
    void badEntriesAreRefusedNamingWhatIsAccepted() {
        assertEquals("Unknown transport 'udp' in 'udp/thread': the transports on the class path are [chronicle, inproc, tcp]",
                assertThrows(IllegalArgumentException.class, () -> SpecMode.parseAll("udp/thread", null, transports))
                        .getMessage());
        assertEquals("Unknown launch mode 'fork' in 'tcp/fork': expected thread or process",
                assertThrows(IllegalArgumentException.class, () -> SpecMode.parseAll("tcp/fork", null, transports))
                        .getMessage());
        assertEquals("Launch mode 'external' in 'tcp/external' cannot run here: tcp runs nodes as [thread, process]",
                assertThrows(IllegalArgumentException.class, () -> SpecMode.parseAll("tcp/external", null, transports))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpecMode.parseAll(" , ", null, transports));
    }
}
