package dev.multinode.transport.chronicle;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code chronicle} transport: nodes in separate JVMs of one host exchange frames through
 * Chronicle Queue files in the run directory (see the {@linkplain dev.multinode.transport.chronicle
 * package documentation} for the layout). Its natural launch mode is {@link LaunchMode#PROCESS};
 * it also serves {@link LaunchMode#THREAD}, where one transport instance holds every endpoint.
 */
public final class ChronicleTransportProvider implements TransportProvider {

    /** The name users select this transport by. */
    public static final String NAME = "chronicle";

    private static final String CHRONICLE_CORE = "chronicle.core";

    /** Module access to JDK internals that Chronicle, and Agrona in the runtime, need. */
    private static final List<Access> ACCESS = List.of(
            new Access("--add-exports", "java.base/sun.nio.ch", CHRONICLE_CORE),
            new Access("--add-opens", "java.base/java.lang.reflect", CHRONICLE_CORE),
            new Access("--add-opens", "java.base/java.lang", CHRONICLE_CORE),
            new Access("--add-exports", "java.base/jdk.internal.ref", CHRONICLE_CORE),
            new Access("--add-exports", "jdk.compiler/com.sun.tools.javac.file", CHRONICLE_CORE),
            // The runtime that loads this transport idles and buffers with Agrona.
            new Access("--add-exports", "java.base/jdk.internal.misc", "org.agrona"));

    /**
     * Properties that keep Chronicle quiet and inside its own files: no usage analytics, no start-up
     * banner or performance chatter, no disk-space polling thread, and unmapping done by the thread
     * that closes a queue instead of a background thread, so close() leaves nothing mapped.
     */
    private static final List<String> QUIET_FLAGS = List.of(
            "-Dchronicle.analytics.disable=true",
            "-Dchronicle.announcer.disable=true",
            "-Ddisable.perf.info=true",
            "-Dchronicle.disk.monitor.disable=true",
            "-Dbackground.releaser=false");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ChronicleTransportProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LaunchMode> launchModes() {
        return EnumSet.of(LaunchMode.PROCESS, LaunchMode.THREAD);
    }

    @Override
    public LaunchMode defaultLaunchMode() {
        return LaunchMode.PROCESS;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each element is one command-line argument ({@code --add-exports=...}). Access is granted to
     * the class path (ALL-UNNAMED) and, when this JVM runs Chronicle or Agrona as a named module, to
     * that module as well: child JVMs are launched with their parent's module and class path, and a
     * JVM warns about every flag that names a module it does not have. Then come the properties
     * that keep Chronicle quiet, and JNA (loaded by Chronicle's thread-affinity support) is pointed
     * at the temporary folder; otherwise it unpacks its native library under {@code ~/.cache/JNA}
     * in the user's home.
     */
    @Override
    public List<String> jvmFlags() {
        return jvmFlags(module -> ModuleLayer.boot().findModule(module).isPresent());
    }

    /**
     * @param namedModule whether the child JVM has a module of the given name
     * @return the flags for such a JVM
     */
    static List<String> jvmFlags(Predicate<String> namedModule) {
        List<String> flags = new ArrayList<>();
        for (Access access : ACCESS) {
            flags.add(access.flag(namedModule.test(access.module())));
        }
        flags.addAll(QUIET_FLAGS);
        flags.add("-Djna.tmpdir=" + System.getProperty("java.io.tmpdir"));
        return List.copyOf(flags);
    }

    @Override
    public Transport open(TransportContext context) throws IOException {
        return ChronicleTransport.open(context);
    }

    /** One access flag: option, module/package it opens, and the named module that needs it. */
    private record Access(String option, String packageName, String module) {

        String flag(boolean toModule) {
            return option + "=" + packageName + "=ALL-UNNAMED" + (toModule ? "," + module : "");
        }
    }
}
