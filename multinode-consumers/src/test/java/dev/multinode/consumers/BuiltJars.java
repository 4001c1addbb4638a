package dev.multinode.consumers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars of this module's test class path, by Maven artifact id: the multinode artifacts the
 * reactor built and their dependencies, as a user's build would download them.
 */
final class BuiltJars {

    private BuiltJars() {
    }

    /** @return every entry of this JVM's class path */
    static List<Path> classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }

    /**
     * @param artifactId a Maven artifact id, such as {@code multinode-runtime} or {@code asm}
     * @return its jar on this JVM's class path ({@code <artifactId>-<version>.jar})
     * @throws IllegalStateException if there is none, or it is a class folder (a reactor build
     *     that stopped before {@code package}: run {@code mvn verify})
     */
    static Path jar(String artifactId) {
        Pattern name = Pattern.compile(Pattern.quote(artifactId) + "-\\d.*\\.jar");
        for (Path entry : classPath()) {
            if (Files.isDirectory(entry) && entry.endsWith(Path.of(artifactId, "target", "classes"))) {
                throw new IllegalStateException(artifactId + " is the class folder " + entry
                        + ", not a jar: these tests need the packaged artifacts (mvn verify)");
            }
            if (name.matcher(entry.getFileName().toString()).matches()) {
                return entry;
            }
        }
        throw new IllegalStateException("No jar of " + artifactId + " on the test class path " + classPath());
    }
}
