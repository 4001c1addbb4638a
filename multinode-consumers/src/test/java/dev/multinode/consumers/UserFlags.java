package dev.multinode.consumers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags the README's "JVM flags" section lists, read from the README itself so that the
 * consumer runs with exactly what users are told: as written for the module path, and without
 * the module names ({@code ,org.agrona}, {@code ,chronicle.core}) for the class path.
 */
final class UserFlags {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern SECTION = Pattern.compile("\n### JVM flags\n(.*?)\n##", Pattern.DOTALL);
    private static final Pattern PLAIN_BLOCK = Pattern.compile("```\n(.*?)```", Pattern.DOTALL);
    private static final List<String> MODULE_NAMES = List.of(",org.agrona", ",chronicle.core");

    private UserFlags() {
    }

    /**
     * @return the flags for a JVM whose multinode and libraries are on the module path
     * @throws IOException if the README cannot be read
     */
    static List<String> modulePath() throws IOException {
        Matcher section = SECTION.matcher(Files.readString(README));
        if (!section.find()) {
            throw new IllegalStateException(README.toAbsolutePath() + " has no '### JVM flags' section");
        }
        List<String> flags = new ArrayList<>();
        Matcher block = PLAIN_BLOCK.matcher(section.group(1));
        while (block.find()) {
            for (String flag : block.group(1).trim().split("\\s+")) {
                flags.add(flag.replace("${java.io.tmpdir}", System.getProperty("java.io.tmpdir")));
            }
        }
        if (flags.isEmpty()) {
            throw new IllegalStateException(README.toAbsolutePath() + "'s JVM flags section lists no flag");
        }
        return flags;
    }

    /**
     * @return the flags for a JVM whose multinode and libraries are on the class path
     * @throws IOException if the README cannot be read
     */
    static List<String> classPath() throws IOException {
        List<String> flags = new ArrayList<>();
        for (String flag : modulePath()) {
            for (String module : MODULE_NAMES) {
                flag = flag.replace(module, "");
            }
            flags.add(flag);
        }
        return flags;
    }
}
