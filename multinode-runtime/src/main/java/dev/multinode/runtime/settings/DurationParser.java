package dev.multinode.runtime.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code 500ms}, {@code 30s}, {@code 2m} or ISO-8601 ({@code PT30S}). */
final class DurationParser {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private DurationParser() {
    }

    static Duration parse(String key, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        Duration parsed;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            parsed = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        } else {
            try {
                parsed = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(key, value);
            }
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw invalid(key, value);
        }
        return parsed;
    }

    private static IllegalArgumentException invalid(String key, String value) {
        return new IllegalArgumentException("Invalid " + key + " '" + value
                + "': accepted is a positive duration such as 500ms, 30s, 2m or PT30S");
    }
}
