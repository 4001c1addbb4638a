package dev.multinode.testkit;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the command of a JVM that runs test code with this JVM's class path and module path. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param jvmFlags  flags before the class path
     * @param mainClass the class whose main the JVM runs
     * @param args      its arguments
     * @return the command, for a {@link ProcessBuilder}
     */
    public static List<String> command(List<String> jvmFlags, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath()));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static Set<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (int i = 0; System.getProperty("jdk.module.patch." + i) != null; i++) {
            String patch = System.getProperty("jdk.module.patch." + i);
            add(entries, patch.substring(patch.indexOf('=') + 1));
        }
        add(entries, System.getProperty("jdk.module.path", ""));
        add(entries, System.getProperty("java.class.path", ""));
        return entries;
    }

    private static void add(Set<String> entries, String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
    }
}
