package dev.multinode.selftest.twins.one;

import dev.multinode.MultiNode;
import dev.multinode.selftest.RunFolderSelfTest;
import java.nio.file.Path;

/** Shares its simple name with {@code dev.multinode.selftest.twins.two.Twin}. */
public final class Twin {

    private Twin() {
    }

    /** @return the folder of a failed run that this class started */
    public static Path failedRunFolder() {
        return RunFolderSelfTest.folderOf(() -> MultiNode.spec("node-a").run(RunFolderSelfTest.FAILING));
    }
}
