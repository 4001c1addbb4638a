package dev.multinode.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which of the test JVM's system properties process nodes get. */
class ForwardedPropertiesTest {

    @Test
    void aUsersPropertyIsForwardedAndTheJdksAndTheForksPathsAreNot() {
        Properties properties = properties("app.mode", "fast", "java.version", "17", "user.dir", "/work",
                "surefire.test.class.path", "/a.jar", "basedir", "/work/project", "javax.net.ssl.trustStore", "/ts");

        assertThat(ForwardedProperties.of(properties)).isEqualTo(Map.of("app.mode", "fast",
                "javax.net.ssl.trustStore", "/ts"));
    }

    @Test
    void aLongerForwardPrefixBeatsAShorterExclusionAndALongerExclusionBeatsAForward() {
        Properties properties = properties("java.net.preferIPv4Stack", "true", "java.version", "17",
                "app.secret.key", "k", "app.mode", "fast",
                ForwardedProperties.FORWARD, "java.net.preferIPv4Stack, app.",
                ForwardedProperties.EXCLUDE, "app.secret.");

        assertThat(ForwardedProperties.of(properties)).containsEntry("java.net.preferIPv4Stack", "true")
                .containsEntry("app.mode", "fast").doesNotContainKeys("java.version", "app.secret.key");
    }

    @Test
    void excludingEverythingForwardsOnlyWhatIsNamed() {
        Properties properties = properties("app.mode", "fast", "other", "x",
                ForwardedProperties.FORWARD, "app.", ForwardedProperties.EXCLUDE, "*");

        assertThat(ForwardedProperties.of(properties)).isEqualTo(Map.of("app.mode", "fast"));
    }

    @Test
    void anEmptyPrefixIsRefusedNamingTheValue() {
        Properties properties = properties(ForwardedProperties.EXCLUDE, "app.,,x");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ForwardedProperties.of(properties));
        assertThat(error).hasMessageStartingWith("Invalid multinode.forwardExclude 'app.,,x': accepted are key prefixes");
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
