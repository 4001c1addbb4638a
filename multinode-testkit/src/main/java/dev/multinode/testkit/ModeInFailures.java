package dev.multinode.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Puts the failed case's mode (its display name, such as {@code tcp/process}) in front of the
 * failure: Surefire's console summary and its default XML name a parameterized case by its index
 * only. The original failure is the cause.
 */
final class ModeInFailures implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TestAbortedException) {
            throw failure;
        }
        // AssertJ's messages start with a line break: the summary takes the first line that says something
        String firstLine = String.valueOf(failure.getMessage()).lines().filter(line -> !line.isBlank()).findFirst()
                .orElse("").strip();
        throw new AssertionError(context.getDisplayName() + ": " + failure.getClass().getName() + ": " + firstLine,
                failure);
    }
}
