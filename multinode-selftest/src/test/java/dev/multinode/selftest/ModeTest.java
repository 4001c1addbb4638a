package dev.multinode.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.LaunchMode;
import dev.multinode.testkit.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The testkit's modes, over the transports of this build. */
class ModeTest {

    @Test
    void everyTransportOfTheBuildIsInstalled() {
        assertEquals(List.of("chronicle", "inproc", "sim", "tcp"), List.copyOf(Mode.installedTransports().keySet()));
    }

    @Test
    void aTransportsModesAreItsLaunchModesButExternal() {
        assertEquals(List.of(new Mode("inproc", LaunchMode.THREAD), new Mode("chronicle", LaunchMode.THREAD),
                new Mode("chronicle", LaunchMode.PROCESS), new Mode("tcp", LaunchMode.THREAD),
                new Mode("tcp", LaunchMode.PROCESS)),
                List.of("inproc", "chronicle", "tcp").stream().flatMap(Mode::of).toList());
        assertEquals("Unknown transport 'udp': the transports on the class path are [chronicle, inproc, sim, tcp]",
                assertThrows(IllegalArgumentException.class, () -> Mode.of("udp")).getMessage());
    }

    @Test
    void anEntryWithoutALaunchTakesTheTransportsDefault() {
        assertEquals(List.of(new Mode("inproc", LaunchMode.THREAD), new Mode("chronicle", LaunchMode.PROCESS),
                new Mode("tcp", LaunchMode.PROCESS)), Mode.parseAll("inproc, chronicle,tcp", null));
    }

    @Test
    void anExplicitLaunchWinsOverTheDefaultLaunch() {
        assertEquals(List.of(new Mode("chronicle", LaunchMode.THREAD), new Mode("tcp", LaunchMode.PROCESS)),
                Mode.parseAll("chronicle,tcp/process", "thread"));
        assertEquals("chronicle/thread", new Mode("chronicle", LaunchMode.THREAD).toString());
    }

    @Test
    void badEntriesAreRefusedNamingWhatIsAccepted() {
        assertEquals("Unknown transport 'udp' in 'udp/thread': the transports on the class path are [chronicle, inproc, sim, tcp]",
                assertThrows(IllegalArgumentException.class, () -> Mode.parseAll("udp/thread", null)).getMessage());
        assertEquals("Unknown launch mode 'fork' in 'tcp/fork': expected thread or process",
                assertThrows(IllegalArgumentException.class, () -> Mode.parseAll("tcp/fork", null)).getMessage());
        assertEquals("Launch mode 'external' in 'tcp/external' cannot run here: tcp runs nodes as [thread, process]",
                assertThrows(IllegalArgumentException.class, () -> Mode.parseAll("tcp/external", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mode.parseAll(" , ", null));
    }
}
