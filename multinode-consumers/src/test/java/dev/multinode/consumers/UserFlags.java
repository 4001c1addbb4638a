package dev.multinode.consumers;

import java.util.List;

/**
 * The JVM flags the README tells users to run multinode with: Agrona's and Chronicle's, on the
 * module path (the libraries' named modules) and on the class path (the unnamed module alone: a
 * module name there makes the JVM warn of an unknown module).
 */
final class UserFlags {

    private UserFlags() {
    }

    /** @return the flags for a JVM whose multinode and libraries are on the module path */
    static List<String> modulePath() {
        return flags(",org.agrona", ",chronicle.core");
    }

    /** @return the flags for a JVM whose multinode and libraries are on the class path */
    static List<String> classPath() {
        return flags("", "");
    }

    private static List<String> flags(String agronaModule, String chronicleModule) {
        return List.of(
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" + agronaModule,
                "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED" + chronicleModule,
                "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED" + chronicleModule,
                "--add-opens", "java.base/java.lang=ALL-UNNAMED" + chronicleModule,
                "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED" + chronicleModule,
                "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED" + chronicleModule,
                "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", "-Ddisable.perf.info=true",
                "-Dchronicle.disk.monitor.disable=true", "-Dbackground.releaser=false");
    }
}
