package dev.multinode.runtime.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code java @file} argument file: arguments the JVM reads from a file as if given on its
 * command line, so that the test JVM's forwarded properties neither lengthen every node's command
 * line nor show on it (to {@code ps}) with whatever values they hold.
 */
final class ArgumentFile {

    private ArgumentFile() {
    }

    /**
     * @param file      where to write
     * @param arguments the arguments, each quoted: inside quotes the launcher reads {@code \\},
     *                  {@code \"}, {@code \n}, {@code \r}, {@code \t} as escapes
     * @return the command-line argument that reads the file
     * @throws IOException if it cannot be written
     */
    static String write(Path file, List<String> arguments) throws IOException {
        Files.writeString(file, arguments.stream().map(ArgumentFile::quoted).collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
        return "@" + file;
    }

    private static String quoted(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }
}
