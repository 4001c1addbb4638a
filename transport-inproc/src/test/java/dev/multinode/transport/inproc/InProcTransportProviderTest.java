package dev.multinode.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.LaunchMode;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InProcTransportProviderTest {

    @Test
    void serviceLoaderFindsTheProviderByName() {
        // the tests are patched into the module, which provides but does not itself use the service
        getClass().getModule().addUses(TransportProvider.class);
        List<TransportProvider> found = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("inproc"))
                .toList();
        assertEquals(1, found.size(), "providers named inproc: " + found);
        assertTrue(found.get(0) instanceof InProcTransportProvider);
    }

    @Test
    void describesItsLaunchModesAndFlags() {
        InProcTransportProvider provider = new InProcTransportProvider();
        assertEquals(Set.of(LaunchMode.THREAD), provider.launchModes());
        assertEquals(LaunchMode.THREAD, provider.defaultLaunchMode());
        assertEquals(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED,org.agrona"),
                provider.jvmFlags());
    }

    @Test
    void opensATransportWithoutChildProperties() {
        try (InProcTransport transport = TestTransports.open(2, 1024)) {
            assertEquals(Map.of(), transport.childProperties());
        }
    }

    @Test
    void refusesOtherLaunchModes() {
        TransportContext context = new TransportContext("run-1", Path.of("target"), List.of("conductor", "node-1"),
                1024, LaunchMode.PROCESS, "secret", Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InProcTransportProvider().open(context));
        assertEquals("Transport 'inproc' supports the launch mode thread only, not process", e.getMessage());
    }

    @Test
    void refusesAFrameSizeItCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestTransports.open(1, Inbox.MAX_FRAME_SIZE + 1));
        assertEquals("maxFrameSize 134217729 is not supported by transport 'inproc': accepted 0 to 134217728 bytes",
                e.getMessage());
    }

    @Test
    void refusesABadSendTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestTransports.open(1, 1024, Map.of(InProcTransport.SEND_TIMEOUT_PROPERTY, "soon")));
        assertEquals("multinode.inproc.sendTimeoutMillis must be a positive number of milliseconds, was 'soon'",
                e.getMessage());
    }

    @Test
    void sizesRingsForEightFramesAndAtLeastTheFloor() {
        assertEquals(Inbox.MIN_RING_CAPACITY, Inbox.ringCapacity(0));
        assertEquals(512 * 1024, Inbox.ringCapacity(64 * 1024));
        assertEquals(1024 * 1024, Inbox.ringCapacity(64 * 1024 + 1));
    }
}
