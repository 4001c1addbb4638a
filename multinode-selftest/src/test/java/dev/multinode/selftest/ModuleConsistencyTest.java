package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every multinode module with main code agrees with itself: what module-info provides is what
 * META-INF/services lists and what the OSGi headers advertise, and its bundle symbolic name and
 * exported packages are those of the module. This module depends on all of them and runs on the
 * class path, so the descriptors are read from the class path's jars or class folders.
 */
class ModuleConsistencyTest {

    @Test
    void moduleInfoServiceFilesAndBundleHeadersAgree() throws IOException {
        List<Module> modules = multinodeModules();
        assertThat(modules).extracting(module -> module.descriptor().name())
                .containsExactlyInAnyOrder("dev.multinode.api", "dev.multinode.runtime", "dev.multinode.testkit",
                        "dev.multinode.transport.inproc", "dev.multinode.transport.chronicle",
                        "dev.multinode.transport.tcp", "dev.multinode.transport.sim", "dev.multinode.junit",
                        "dev.multinode.bench", "dev.multinode.examples");
        for (Module module : modules) {
            ModuleDescriptor descriptor = module.descriptor();
            String name = descriptor.name();
            Attributes headers = new Manifest(new ByteArrayInputStream(module.read("META-INF/MANIFEST.MF")))
                    .getMainAttributes();
            assertThat(headers.getValue("Bundle-SymbolicName")).as(name + " Bundle-SymbolicName").isEqualTo(name);
            String exportHeader = headers.getValue("Export-Package");
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                assertThat(exportHeader).as(name + " Export-Package").contains(export.source() + ";");
            }
            for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                String services = new String(module.read("META-INF/services/" + provides.service()), StandardCharsets.UTF_8);
                assertThat(services.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList())
                        .as(name + " META-INF/services/" + provides.service())
                        .containsExactlyInAnyOrderElementsOf(provides.providers());
                assertThat(headers.getValue("Provide-Capability").replace("\"", "")).as(name + " Provide-Capability")
                        .contains("osgi.serviceloader=" + provides.service());
            }
            // bnd writes headers only: a class of a library in a module's jar would split its
            // package with the library's own jar on the module path (OSGi users get Agrona from
            // multinode-osgi-agrona instead)
            assertThat(module.classes()).as(name + " classes").allMatch(entry -> entry.startsWith("dev/multinode/")
                    || entry.equals("module-info.class"));
            for (String used : descriptor.uses()) {
                assertThat(headers.getValue("Require-Capability").replace("\"", "")).as(name + " Require-Capability")
                        .contains("(osgi.serviceloader=" + used + ")");
            }
        }
    }

    /** The class path entries, jars or folders, that hold a module-info of a multinode module. */
    private static List<Module> multinodeModules() throws IOException {
        List<Module> modules = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Optional<byte[]> moduleInfo = Module.entry(Path.of(entry), "module-info.class");
            if (moduleInfo.isPresent()) {
                ModuleDescriptor descriptor = ModuleDescriptor.read(new ByteArrayInputStream(moduleInfo.get()));
                if (descriptor.name().startsWith("dev.multinode.")) {
                    modules.add(new Module(Path.of(entry), descriptor));
                }
            }
        }
        return modules;
    }

    /**
     * A module found on the class path.
     *
     * @param location   its jar or class folder
     * @param descriptor its module-info
     */
    private record Module(Path location, ModuleDescriptor descriptor) {

        byte[] read(String name) throws IOException {
            return entry(location, name).orElseThrow(() -> new AssertionError(descriptor.name() + " has no " + name
                    + " in " + location));
        }

        /** @return the names of the module's class files, as paths inside the jar */
        List<String> classes() throws IOException {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.filter(file -> file.toString().endsWith(".class"))
                            .map(file -> location.relativize(file).toString().replace(File.separatorChar, '/')).toList();
                }
            }
            try (ZipFile jar = new ZipFile(location.toFile())) {
                return jar.stream().map(ZipEntry::getName).filter(entry -> entry.endsWith(".class")).toList();
            }
        }

        static Optional<byte[]> entry(Path location, String name) throws IOException {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            if (!Files.isRegularFile(location)) {
                return Optional.empty();
            }
            try (ZipFile jar = new ZipFile(location.toFile())) {
                ZipEntry found = jar.getEntry(name);
                if (found == null) {
                    return Optional.empty();
                }
                try (InputStream in = jar.getInputStream(found)) {
                    return Optional.of(in.readAllBytes());
                }
            }
        }
    }
}
