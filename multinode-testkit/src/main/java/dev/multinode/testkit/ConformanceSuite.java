package dev.multinode.testkit;

import dev.multinode.LaunchMode;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every suite of the conformance runs over: the modes of the transport under test. The suites
 * are interfaces whose test methods take a {@link Mode} from {@link #modes()}, so one class can
 * implement them all ({@link TransportConformance}) and the reports name that class.
 *
 * <p>One instance serves all of a class's tests, so that JUnit can ask that instance for its modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ModeInFailures.class)
public interface ConformanceSuite {

    /** @return the modes each test of the suite runs in */
    List<Mode> modes();

    /** @return the thread mode among {@link #modes()}, if any: the endpoint suites open the transport as it does */
    default List<Mode> threadModes() {
        return modes().stream().filter(mode -> mode.launch() == LaunchMode.THREAD).toList();
    }

    /** @return the process modes among {@link #modes()}: none for a transport that runs threads only */
    default List<Mode> processModes() {
        return modes().stream().filter(mode -> mode.launch() == LaunchMode.PROCESS).toList();
    }
}
