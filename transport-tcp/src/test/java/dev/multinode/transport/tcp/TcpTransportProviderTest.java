package dev.multinode.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.LaunchMode;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the provider declares, and how it refuses bad parameters. */
class TcpTransportProviderTest {

    @Test
    void declaresItsNameLaunchModesAndJvmFlags() {
        TcpTransportProvider provider = new TcpTransportProvider();
        assertEquals("tcp", provider.name());
        assertEquals(Set.of(LaunchMode.PROCESS, LaunchMode.THREAD, LaunchMode.EXTERNAL), provider.launchModes());
        assertEquals(LaunchMode.PROCESS, provider.defaultLaunchMode());
        assertEquals(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"), provider.jvmFlags());
    }

    @Test
    void isDeclaredAsServiceInModuleInfoAndInMetaInfServices() throws Exception {
        ModuleDescriptor descriptor = TcpTransportProvider.class.getModule().getDescriptor();
        assertNotNull(descriptor, "the tests run on the module path");
        assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(TransportProvider.class.getName())
                && p.providers().equals(List.of(TcpTransportProvider.class.getName()))), descriptor.provides().toString());
        try (InputStream in = TcpTransportProvider.class.getResourceAsStream(
                "/META-INF/services/" + TransportProvider.class.getName())) {
            assertEquals(TcpTransportProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    @Test
    void refusesBadPropertiesNamingThemAndWhatIsAccepted() {
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> TestSupport.open(1, 1024, Map.of(TcpSettings.HANDSHAKE_TIMEOUT, "soon")));
        assertEquals("multinode.tcp.handshakeTimeoutMillis must be a positive whole number of milliseconds, was 'soon'",
                timeout.getMessage());
        IllegalArgumentException conductor = assertThrows(IllegalArgumentException.class,
                () -> TestSupport.open(1, 1024, Map.of(TcpSettings.CONDUCTOR, "localhost")));
        assertEquals("multinode.tcp.conductor must be host:port with a port 1..65535, was 'localhost'", conductor.getMessage());
        TransportContext noSecret = new TransportContext("run", Path.of("target"), List.of("conductor", "node-1"), 1024,
                LaunchMode.THREAD, "", Map.of());
        assertThrows(IllegalArgumentException.class, () -> new TcpTransportProvider().open(noSecret));
    }
}
