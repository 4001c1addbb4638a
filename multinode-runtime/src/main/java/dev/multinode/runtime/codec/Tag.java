package dev.multinode.runtime.codec;

import dev.multinode.ProbeRef;
import java.util.List;

/** The first byte of every encoded value. */
enum Tag {
    NULL, STRING, BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, BYTES, PROBE_REF, LIST, ENUM, RECORD;

    private static final Tag[] BY_CODE = values();

    byte code() {
        return (byte) ordinal();
    }

    static Tag ofCode(byte code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new MalformedMessageException("unknown type tag " + code);
        }
        return BY_CODE[code];
    }

    static Tag of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Byte) {
            return BYTE;
        }
        if (value instanceof Short) {
            return SHORT;
        }
        if (value instanceof Character) {
            return CHAR;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof byte[]) {
            return BYTES;
        }
        if (value instanceof ProbeRef) {
            return PROBE_REF;
        }
        if (value instanceof List) {
            return LIST;
        }
        if (value instanceof Enum) {
            return ENUM;
        }
        if (value.getClass().isRecord()) {
            return RECORD;
        }
        // not "a " + name: the article would read wrong before every name that starts with a vowel
        throw new IllegalArgumentException("cannot send a value of class " + value.getClass().getTypeName()
                + " in a probe message: accepted are null, String, boxed primitives, byte[], ProbeRef, List of these, "
                + "and allowed enums and records of these");
    }
}
