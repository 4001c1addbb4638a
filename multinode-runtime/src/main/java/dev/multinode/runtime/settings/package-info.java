/**
 * Resolving a spec's settings before anything starts: the {@code multinode.*} system properties
 * under the spec's own options, role names, durations, and the transport chosen by name among those
 * {@link java.util.ServiceLoader} finds. A bad value is refused here, naming it and what is
 * accepted, before any node starts.
 */
package dev.multinode.runtime.settings;
