package dev.multinode.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every test class the README shows ({@code @Test} or {@code @MultiNodeTest}) is, word for word, a
 * test of the examples module, which runs it, so a reader who copies one copies something that runs.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("..", "examples", "src", "test", "java");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("^class (\\w+)", Pattern.MULTILINE);
    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|MultiNodeTest)\\b");

    @Test
    void eachReadmeTestClassIsATestOfTheExamplesAsWritten() throws IOException {
        List<String> checked = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            String code = block.group(1);
            Matcher name = CLASS_NAME.matcher(code);
            if (TEST_ANNOTATION.matcher(code).find() && name.find()) {
                Path test = EXAMPLES.resolve(name.group(1) + ".java");
                assertThat(test).as("the README's " + name.group(1)).exists();
                assertThat(Files.readString(test)).as(test + " and the README's block").isEqualTo(code);
                checked.add(name.group(1));
            }
        }
        assertThat(checked).contains("PubSubSpecTest", "NodeLifecycleSpecTest", "GreetingNodesTest");
    }
}
