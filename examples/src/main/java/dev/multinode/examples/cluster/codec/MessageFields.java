package dev.multinode.examples.cluster.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Field encodings shared by every cluster message ({@link Message#writeTo} and the
 * {@link MessageDecoder}s use them): strings as an int length and UTF-8 bytes, enums as one
 * ordinal byte, booleans as 0 or 1, counts checked against the bytes that remain. Each reader names
 * the field it reads, so a malformed frame is reported precisely.
 */
public final class MessageFields {

    private MessageFields() {
    }

    /**
     * Writes a string as its UTF-8 length (int) and bytes.
     *
     * @param out   the buffer
     * @param value the string
     */
    public static void putString(ByteBuffer out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length);
        out.put(bytes);
    }

    /**
     * Reads a string written by {@link #putString}, rejecting bytes that are not valid UTF-8.
     *
     * @param in    the buffer
     * @param field the field's name, for the error message
     * @return the string
     * @throws MalformedMessageException if the length is negative or exceeds the remaining bytes, or
     *                                   the bytes are not UTF-8
     */
    public static String getString(ByteBuffer in, String field) throws MalformedMessageException {
        int length = getInt(in, field + " length");
        if (length < 0 || length > in.remaining()) {
            throw new MalformedMessageException(field + ": length " + length + " but " + in.remaining()
                    + " bytes remain");
        }
        ByteBuffer bytes = in.slice();
        bytes.limit(length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(field + ": not valid UTF-8", e);
        }
    }

    /**
     * @param in    the buffer
     * @param field the field's name, for the error message
     * @return the next byte
     * @throws MalformedMessageException if no byte remains
     */
    public static byte getByte(ByteBuffer in, String field) throws MalformedMessageException {
        require(in, Byte.BYTES, field);
        return in.get();
    }

    /**
     * @param in    the buffer
     * @param field the field's name, for the error message
     * @return the next int
     * @throws MalformedMessageException if fewer than 4 bytes remain
     */
    public static int getInt(ByteBuffer in, String field) throws MalformedMessageException {
        require(in, Integer.BYTES, field);
        return in.getInt();
    }

    /**
     * @param in    the buffer
     * @param field the field's name, for the error message
     * @return the next long
     * @throws MalformedMessageException if fewer than 8 bytes remain
     */
    public static long getLong(ByteBuffer in, String field) throws MalformedMessageException {
        require(in, Long.BYTES, field);
        return in.getLong();
    }

    /**
     * Writes a boolean as one byte, 1 for true.
     *
     * @param out   the buffer
     * @param value the boolean
     */
    public static void putBoolean(ByteBuffer out, boolean value) {
        out.put(value ? (byte) 1 : (byte) 0);
    }

    /**
     * @param in    the buffer
     * @param field the field's name, for the error message
     * @return the boolean written by {@link #putBoolean}
     * @throws MalformedMessageException if the byte is missing or neither 0 nor 1
     */
    public static boolean getBoolean(ByteBuffer in, String field) throws MalformedMessageException {
        byte value = getByte(in, field);
        if (value != 0 && value != 1) {
            throw new MalformedMessageException(field + ": boolean byte " + value + ", expected 0 or 1");
        }
        return value == 1;
    }

    /**
     * Writes an enum constant as its ordinal in one byte.
     *
     * @param out   the buffer
     * @param value the constant; its enum must have at most 128 constants
     */
    public static void putEnum(ByteBuffer out, Enum<?> value) {
        out.put((byte) value.ordinal());
    }

    /**
     * @param in     the buffer
     * @param values the enum's constants, in ordinal order
     * @param field  the field's name, for the error message
     * @param <E>    the enum
     * @return the constant written by {@link #putEnum}
     * @throws MalformedMessageException if the ordinal is out of range
     */
    public static <E extends Enum<E>> E getEnum(ByteBuffer in, E[] values, String field)
            throws MalformedMessageException {
        byte ordinal = getByte(in, field);
        if (ordinal < 0 || ordinal >= values.length) {
            throw new MalformedMessageException(field + ": ordinal " + ordinal + " is not one of 0.."
                    + (values.length - 1));
        }
        return values[ordinal];
    }

    /**
     * Reads the element count of a list, checked so that a forged count cannot make the reader
     * allocate more than the frame could hold.
     *
     * @param in           the buffer
     * @param field        the field's name, for the error message
     * @param minBytesEach the fewest bytes one element takes on the wire
     * @return the count
     * @throws MalformedMessageException if the count is negative or the elements cannot fit in the
     *                                   remaining bytes
     */
    public static int getCount(ByteBuffer in, String field, int minBytesEach) throws MalformedMessageException {
        int count = getInt(in, field + " count");
        if (count < 0 || (long) count * minBytesEach > in.remaining()) {
            throw new MalformedMessageException(field + ": count " + count + " cannot fit in the "
                    + in.remaining() + " bytes that remain");
        }
        return count;
    }

    private static void require(ByteBuffer in, int bytes, String field) throws MalformedMessageException {
        if (in.remaining() < bytes) {
            throw new MalformedMessageException(field + ": needs " + bytes + " bytes but " + in.remaining()
                    + " remain");
        }
    }
}
