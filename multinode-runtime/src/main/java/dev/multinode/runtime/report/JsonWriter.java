package dev.multinode.runtime.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON (RFC 8259) by hand, indented two spaces, so that the report needs no library. The
 * caller nests {@code begin}/{@code end} calls correctly; names go before each member's value.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(4096);
    /** Per open object or array: whether it has a member yet. */
    private final Deque<Boolean> hasMember = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** @return the document; call once everything is closed */
    String text() {
        if (!hasMember.isEmpty()) {
            throw new IllegalStateException("JSON document has " + hasMember.size() + " unclosed objects or arrays");
        }
        return out.append('\n').toString();
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        hasMember.push(false);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean any = hasMember.pop();
        if (any) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Puts the comma and line break before a value or a name, except a value right after its name. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (hasMember.isEmpty()) {
            return;
        }
        if (hasMember.pop()) {
            out.append(',');
        }
        hasMember.push(true);
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(hasMember.size()));
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028 and U+2029 are valid JSON but end lines in JavaScript source: escape them too
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
