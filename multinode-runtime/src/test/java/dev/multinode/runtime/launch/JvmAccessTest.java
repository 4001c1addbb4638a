package dev.multinode.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check of the module access a transport needs, in this test JVM (which has Agrona's flag and no other). */
class JvmAccessTest {

    private static final String AGRONA = "java.base/jdk.internal.misc=ALL-UNNAMED";
    private static final String NOT_GIVEN = "java.base/sun.security.x509=ALL-UNNAMED";

    @Test
    void accessThisJvmWasGivenIsNotMissingInEitherSpelling() {
        assertThat(JvmAccess.missing(List.of("--add-exports", AGRONA, "--add-exports=" + AGRONA, "-Dx=y"))).isEmpty();
    }

    @Test
    void accessThisJvmWasNotGivenIsMissing() {
        assertThat(JvmAccess.missing(List.of("--add-exports", NOT_GIVEN, "--add-opens=java.base/java.lang=ALL-UNNAMED")))
                .containsExactly("--add-exports=" + NOT_GIVEN, "--add-opens=java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    void accessFromAModuleThisJvmLacksCannotBeNeeded() {
        assertThat(JvmAccess.missing(List.of("--add-exports=no.such.module/some.pkg=ALL-UNNAMED"))).isEmpty();
    }

    @Test
    void aMissingFlagFailsNamingItWhereToAddItAndEveryFlag() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> JvmAccess.require(provider(List.of("--add-exports", AGRONA, "--add-exports", NOT_GIVEN, "-Dq=1")),
                        JvmAccess.TEST_JVM_ADVICE));

        assertThat(error).hasMessage("This JVM lacks the module access that Agrona and transport 'carrier-pigeon' "
                + "need: --add-exports=" + NOT_GIVEN + ". " + JvmAccess.TEST_JVM_ADVICE
                + ". Every flag the transport needs: --add-exports " + AGRONA + " --add-exports " + NOT_GIVEN + " -Dq=1");
    }

    private static TransportProvider provider(List<String> flags) {
        return new TransportProvider() {
            @Override
            public String name() {
                return "carrier-pigeon";
            }

            @Override
            public Set<LaunchMode> launchModes() {
                return Set.of(LaunchMode.THREAD);
            }

            @Override
            public LaunchMode defaultLaunchMode() {
                return LaunchMode.THREAD;
            }

            @Override
            public List<String> jvmFlags() {
                return flags;
            }

            @Override
            public Transport open(TransportContext context) {
                throw new UnsupportedOperationException("the check opens nothing");
            }
        };
    }
}
