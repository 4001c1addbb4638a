package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every multinode module on the test's module path agrees with itself: what module-info provides is
 * what META-INF/services lists and what the OSGi headers advertise, and its bundle symbolic name and
 * exported packages are those of the module.
 */
class ModuleConsistencyTest {

    @Test
    void moduleInfoServiceFilesAndBundleHeadersAgree() throws IOException {
        List<ResolvedModule> modules = ModuleLayer.boot().configuration().modules().stream()
                .filter(module -> module.name().startsWith("dev.multinode."))
                .toList();
        assertThat(modules).extracting(ResolvedModule::name)
                .contains("dev.multinode.api", "dev.multinode.runtime", "dev.multinode.transport.inproc",
                        "dev.multinode.transport.chronicle", "dev.multinode.transport.tcp");
        for (ResolvedModule module : modules) {
            ModuleDescriptor descriptor = module.reference().descriptor();
            URI location = module.reference().location().orElseThrow();
            Manifest manifest = new Manifest(new java.io.ByteArrayInputStream(read(location, "META-INF/MANIFEST.MF")));
            var headers = manifest.getMainAttributes();
            assertThat(headers.getValue("Bundle-SymbolicName")).as(module.name() + " Bundle-SymbolicName").isEqualTo(module.name());
            Set<String> exported = new TreeSet<>();
            descriptor.exports().forEach(export -> exported.add(export.source()));
            String exportHeader = headers.getValue("Export-Package");
            for (String pkg : exported) {
                assertThat(exportHeader).as(module.name() + " Export-Package").contains(pkg + ";");
            }
            for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                String services = new String(read(location, "META-INF/services/" + provides.service()), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(services.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList())
                        .as(module.name() + " META-INF/services/" + provides.service())
                        .containsExactlyInAnyOrderElementsOf(provides.providers());
                assertThat(headers.getValue("Provide-Capability").replace("\"", "")).as(module.name() + " Provide-Capability")
                        .contains("osgi.serviceloader=" + provides.service());
            }
            for (String used : descriptor.uses()) {
                assertThat(headers.getValue("Require-Capability").replace("\"", "")).as(module.name() + " Require-Capability")
                        .contains("(osgi.serviceloader=" + used + ")");
            }
        }
    }

    private static byte[] read(URI location, String entry) throws IOException {
        Path path = Path.of(location);
        if (Files.isDirectory(path)) {
            return Files.readAllBytes(path.resolve(entry));
        }
        try (ZipFile jar = new ZipFile(path.toFile()); InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return in.readAllBytes();
        }
    }
}
