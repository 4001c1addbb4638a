package dev.multinode.runtime.conductor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conductor's logger, in a class of its own so that the logging backend loads on the first
 * warning: a run that goes well never logs from the conductor, and its unit tests stay fast.
 */
final class ConductorLog {

    static final Logger LOG = LoggerFactory.getLogger(Conductor.class);

    private ConductorLog() {
    }
}
