package dev.multinode.runtime.report;

import java.util.Locale;

/** A byte count as a person reads it at a glance: {@code 950 B}, {@code 12.3 KB}, {@code 148 MB} (units of 1024). */
final class ByteSize {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSize() {
    }

    static String compact(long bytes) {
        double value = bytes;
        int unit = 0;
        // a value that would print as 1024 of a unit reads better as 1.0 of the next
        while (unit < UNITS.length - 1 && Math.round(value) >= 1024) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, value < 99.95 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }
}
