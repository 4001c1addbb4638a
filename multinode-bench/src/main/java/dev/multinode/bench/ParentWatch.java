package dev.multinode.bench;

import dev.multinode.testkit.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * An echo child's view of its parent: {@link ChildJvm} holds the child's standard input open until
 * the baseline is over, so end of stream there (a close, or the parent's death) means "stop". A
 * daemon thread blocks on the pipe; the echo loop reads one volatile flag.
 */
final class ParentWatch {

    /** How long the parent lets an echo child that watches it stop by itself before it kills it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private volatile boolean gone;

    private ParentWatch() {
    }

    /**
     * @param parentPipe the child's standard input
     * @return a watch whose thread is already running
     */
    static ParentWatch start(InputStream parentPipe) {
        ParentWatch watch = new ParentWatch();
        Thread thread = new Thread(() -> {
            try {
                while (parentPipe.read() >= 0) {
                    // the parent never writes; a stray byte means nothing
                }
            } catch (IOException e) {
                // a broken pipe means the same as end of stream
            }
            watch.gone = true;
        }, "parent-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    /** @return whether the parent closed the pipe or died */
    boolean parentGone() {
        return gone;
    }
}
