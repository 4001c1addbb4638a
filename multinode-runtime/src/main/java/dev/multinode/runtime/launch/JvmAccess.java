package dev.multinode.runtime.launch;

import dev.multinode.spi.TransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agrona.DirectBuffer;

/**
 * Checks, before anything touches Agrona or the transport's libraries, that this JVM was given the
 * module access they need ({@code --add-exports}, {@code --add-opens} of the transport's
 * {@link TransportProvider#jvmFlags()}, which include Agrona's). Without it the run would fail deep
 * inside a library with a raw JDK error ({@code IllegalAccessError: class org.agrona.UnsafeApi
 * cannot access class jdk.internal.misc.Unsafe}, {@code member is private:
 * sun.nio.ch.FileChannelImpl.map0}); this says instead which flags to add and where.
 */
public final class JvmAccess {

    /** Where the test JVM gets its flags. */
    public static final String TEST_JVM_ADVICE = "Give them to the test JVM: with Maven, in maven-surefire-plugin's "
            + "<argLine>, separated by spaces; in an IDE, in the run configuration's VM options";
    /** Where a node JVM gets its flags: a process node from its parent, which asks the provider. */
    static final String NODE_JVM_ADVICE = "A process node gets them from the transport's provider, whose jvmFlags() "
            + "must list them; an external node from the java command that starts it";

    private static final String EXPORTS = "--add-exports";
    private static final String OPENS = "--add-opens";

    private JvmAccess() {
    }

    /**
     * @param provider the run's transport
     * @param advice   where this JVM's flags come from
     * @throws IllegalStateException naming the missing flags and every flag the transport needs
     */
    public static void require(TransportProvider provider, String advice) {
        List<String> flags = provider.jvmFlags();
        List<String> missing = missing(flags);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("This JVM lacks the module access that Agrona and transport '"
                    + provider.name() + "' need: " + String.join(" ", missing) + ". " + advice
                    + ". Every flag the transport needs: " + String.join(" ", flags));
        }
    }

    /**
     * @param flags JVM flags as a transport gives them: {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED},
     *              or {@code --add-exports} and its value as two; flags other than
     *              {@code --add-exports} and {@code --add-opens} are not checked
     * @return those of the access flags this JVM was not given, each as one argument
     */
    static List<String> missing(List<String> flags) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            String option = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
            if (!option.equals(EXPORTS) && !option.equals(OPENS)) {
                continue;
            }
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1)
                    : i + 1 < flags.size() ? flags.get(++i) : "";
            if (!granted(value, option.equals(OPENS))) {
                missing.add(option + "=" + value);
            }
        }
        return missing;
    }

    /**
     * Whether the access {@code <module>/<package>=<target>,...} is granted to any target this JVM
     * has (ALL-UNNAMED: the class path), or to Agrona's module: a test JVM on the module path may
     * grant Agrona's access to {@code org.agrona} alone where a transport names ALL-UNNAMED only.
     * An access whose source module this JVM lacks cannot be needed.
     */
    private static boolean granted(String access, boolean opens) {
        String[] parts = access.split("[/=]", 3);
        Optional<Module> source = parts.length < 3 ? Optional.empty() : ModuleLayer.boot().findModule(parts[0]);
        if (source.isEmpty()) {
            return true;
        }
        List<Module> targets = new ArrayList<>();
        targets.add(DirectBuffer.class.getModule());
        for (String target : parts[2].split(",")) {
            if (target.equals("ALL-UNNAMED")) {
                targets.add(JvmAccess.class.getClassLoader().getUnnamedModule());
            } else {
                ModuleLayer.boot().findModule(target).ifPresent(targets::add);
            }
        }
        return targets.stream().anyMatch(target -> grants(source.get(), parts[1], target, opens));
    }

    private static boolean grants(Module source, String packageName, Module target, boolean opens) {
        return opens ? source.isOpen(packageName, target) : source.isExported(packageName, target);
    }
}
