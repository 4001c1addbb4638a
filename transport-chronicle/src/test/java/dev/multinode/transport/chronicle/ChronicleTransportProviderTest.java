package dev.multinode.transport.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multinode.LaunchMode;
import dev.multinode.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChronicleTransportProviderTest {

    private final ChronicleTransportProvider provider = new ChronicleTransportProvider();

    @Test
    void namesItselfAndItsLaunchModes() {
        assertEquals("chronicle", provider.name());
        assertEquals(Set.of(LaunchMode.PROCESS, LaunchMode.THREAD), provider.launchModes());
        assertEquals(LaunchMode.PROCESS, provider.defaultLaunchMode());
    }

    @Test
    void jvmFlagsGrantAccessToTheClassPathAndTheNamedModules() {
        assertEquals(List.of(
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED,chronicle.core",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED,chronicle.core",
                "--add-opens=java.base/java.lang=ALL-UNNAMED,chronicle.core",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED,chronicle.core",
                "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED,chronicle.core",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED,org.agrona"),
                ChronicleTransportProvider.jvmFlags(module -> true).subList(0, 6));
        assertEquals(List.of(
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"),
                ChronicleTransportProvider.jvmFlags(module -> false).subList(0, 6));
    }

    @Test
    void jvmFlagsNameTheModulesThisJvmHas() {
        // Tests run on the module path with Chronicle, and with Agrona, which the runtime requires
        // (the testkit brings the runtime for the conformance suite).
        List<String> flags = provider.jvmFlags();
        assertTrue(flags.contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED,chronicle.core"), flags.toString());
        assertTrue(flags.contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED,org.agrona"), flags.toString());
    }

    @Test
    void jvmFlagsKeepChronicleQuietAndOutOfTheHome() {
        List<String> flags = provider.jvmFlags();
        assertEquals(List.of(
                "-Dchronicle.analytics.disable=true",
                "-Dchronicle.announcer.disable=true",
                "-Ddisable.perf.info=true",
                "-Dchronicle.disk.monitor.disable=true",
                "-Dbackground.releaser=false",
                "-Djna.tmpdir=" + System.getProperty("java.io.tmpdir")),
                flags.subList(6, flags.size()));
    }

    @Test
    void isDeclaredForServiceLoaderOnBothPaths() throws IOException {
        ModuleDescriptor descriptor = ChronicleTransportProvider.class.getModule().getDescriptor();
        assertNotNull(descriptor, "tests run on the module path");
        assertTrue(descriptor.provides().stream().anyMatch(provides ->
                provides.service().equals(TransportProvider.class.getName())
                        && provides.providers().equals(List.of(ChronicleTransportProvider.class.getName()))),
                descriptor.provides().toString());
        try (InputStream services = ChronicleTransportProvider.class.getResourceAsStream(
                "/META-INF/services/" + TransportProvider.class.getName())) {
            assertEquals(ChronicleTransportProvider.class.getName(),
                    new String(services.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
