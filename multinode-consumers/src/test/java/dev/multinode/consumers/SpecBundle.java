package dev.multinode.consumers;

import dev.multinode.consumers.spec.TwoNodeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The test bundle an OSGi user would write: the compiled {@link TwoNodeSpec} package, importing
 * the API's package only. It is packed from this module's test classes when the test runs.
 */
final class SpecBundle {

    /** The bundle's symbolic name. */
    static final String SYMBOLIC_NAME = "dev.multinode.consumers.spec";

    private SpecBundle() {
    }

    /**
     * @param folder where to write the jar
     * @return the bundle's jar
     * @throws IOException if the classes cannot be read or the jar written
     */
    static Path write(Path folder) throws IOException {
        Manifest manifest = new Manifest();
        Attributes headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue("Bundle-ManifestVersion", "2");
        headers.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        headers.putValue("Bundle-Version", "1.0.0");
        headers.putValue("Import-Package", "dev.multinode");
        Path jar = folder.resolve(SYMBOLIC_NAME + ".jar");
        Path classes = testClasses();
        String packageFolder = TwoNodeSpec.class.getPackageName().replace('.', '/');
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream bundle = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.list(classes.resolve(packageFolder))) {
            for (Path file : files.sorted().toList()) {
                bundle.putNextEntry(new JarEntry(packageFolder + "/" + file.getFileName()));
                bundle.write(Files.readAllBytes(file));
                bundle.closeEntry();
            }
        }
        return jar;
    }

    private static Path testClasses() {
        try {
            return Path.of(TwoNodeSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where " + TwoNodeSpec.class.getName() + " was loaded from", e);
        }
    }
}
