package dev.multinode.transport.chronicle;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where each participant's inbox queue lives inside the run directory. */
final class QueueLayout {

    /** Folder of the run directory that holds every inbox. */
    static final String QUEUES = "queues";

    /** Characters kept as they are in a folder name; any other becomes '_'. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private QueueLayout() {
    }

    /**
     * @param runDirectory the run's folder
     * @param index        the participant's index
     * @param name         the participant's name
     * @return {@code runDirectory/queues/<index>-<name>}, the name reduced to characters every file
     *     system accepts; the index keeps folders distinct whatever the names are
     */
    static Path inboxDirectory(Path runDirectory, int index, String name) {
        return runDirectory.resolve(QUEUES).resolve(index + "-" + UNSAFE.matcher(name).replaceAll("_"));
    }
}
