package dev.multinode.runtime.codec;

import dev.multinode.ProbeRef;
import dev.multinode.runtime.protocol.Wire;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes probe messages: null, strings, boxed primitives, byte arrays, {@link ProbeRef}, lists of
 * these, and enums and records of these whose classes the spec allowed. Decoding looks classes up
 * only among the allowed ones, so a received frame can never instantiate any other class.
 */
public final class MessageCodec {

    private static final int MAX_DEPTH = 16;

    private final Map<String, Class<?>> allowed = new HashMap<>();

    /**
     * @param allowedTypes record and enum classes that may travel
     */
    public MessageCodec(Collection<Class<?>> allowedTypes) {
        for (Class<?> type : allowedTypes) {
            allowed.put(type.getName(), type);
        }
    }

    /**
     * @param buffer  where to write
     * @param message what
     * @throws IllegalArgumentException if the message has a type the codec does not accept
     * @throws BufferOverflowException  if it does not fit in the buffer; {@link #encodedSize} says
     *     how large it is, for the sender's error
     */
    public void encode(ByteBuffer buffer, Object message) {
        write(buffer, message, 0);
    }

    /**
     * @param message a message
     * @return how many bytes {@link #encode} writes for it, however large it is
     * @throws IllegalArgumentException if the message has a type the codec does not accept
     */
    public long encodedSize(Object message) {
        return sizeOf(message, 0);
    }

    /**
     * @param buffer positioned at an encoded message
     * @return the message
     * @throws MalformedMessageException if the bytes are not a message of allowed types
     */
    public Object decode(ByteBuffer buffer) {
        try {
            return read(buffer, 0);
        } catch (RuntimeException e) {
            if (e instanceof MalformedMessageException malformed) {
                throw malformed;
            }
            throw new MalformedMessageException("malformed probe message: " + e, e);
        }
    }

    private void write(ByteBuffer buffer, Object value, int depth) {
        checkDepth(depth);
        Tag tag = Tag.of(value);
        buffer.put(tag.code());
        switch (tag) {
            case NULL -> { }
            case STRING -> Wire.putString(buffer, (String) value);
            case BOOLEAN -> buffer.put((byte) (((Boolean) value) ? 1 : 0));
            case BYTE -> buffer.put((Byte) value);
            case SHORT -> buffer.putShort((Short) value);
            case CHAR -> buffer.putChar((Character) value);
            case INT -> buffer.putInt((Integer) value);
            case LONG -> buffer.putLong((Long) value);
            case FLOAT -> buffer.putFloat((Float) value);
            case DOUBLE -> buffer.putDouble((Double) value);
            case BYTES -> buffer.putInt(((byte[]) value).length).put((byte[]) value);
            case PROBE_REF -> {
                Wire.putString(buffer, ((ProbeRef) value).role());
                Wire.putString(buffer, ((ProbeRef) value).name());
            }
            case LIST -> {
                List<?> list = (List<?>) value;
                buffer.putInt(list.size());
                for (Object item : list) {
                    write(buffer, item, depth + 1);
                }
            }
            case ENUM -> {
                requireAllowed(value.getClass().isEnum() ? value.getClass() : value.getClass().getSuperclass(), value);
                Wire.putString(buffer, ((Enum<?>) value).getDeclaringClass().getName());
                Wire.putString(buffer, ((Enum<?>) value).name());
            }
            case RECORD -> writeRecord(buffer, value, depth);
        }
    }

    private void writeRecord(ByteBuffer buffer, Object value, int depth) {
        Class<?> type = value.getClass();
        requireAllowed(type, value);
        Wire.putString(buffer, type.getName());
        RecordComponent[] components = type.getRecordComponents();
        buffer.put((byte) components.length);
        for (RecordComponent component : components) {
            write(buffer, componentValue(component, value), depth + 1);
        }
    }

    /** Follows {@link #write} field by field, without writing: only a message too large takes it. */
    private long sizeOf(Object value, int depth) {
        checkDepth(depth);
        Tag tag = Tag.of(value);
        long fields = switch (tag) {
            case NULL -> 0;
            case STRING -> stringSize((String) value);
            case BOOLEAN, BYTE -> Byte.BYTES;
            case SHORT, CHAR -> Short.BYTES;
            case INT, FLOAT -> Integer.BYTES;
            case LONG, DOUBLE -> Long.BYTES;
            case BYTES -> Integer.BYTES + (long) ((byte[]) value).length;
            case PROBE_REF -> stringSize(((ProbeRef) value).role()) + stringSize(((ProbeRef) value).name());
            case LIST -> {
                long items = Integer.BYTES;
                for (Object item : (List<?>) value) {
                    items += sizeOf(item, depth + 1);
                }
                yield items;
            }
            case ENUM -> {
                requireAllowed(value.getClass().isEnum() ? value.getClass() : value.getClass().getSuperclass(), value);
                yield stringSize(((Enum<?>) value).getDeclaringClass().getName()) + stringSize(((Enum<?>) value).name());
            }
            case RECORD -> recordSize(value, depth);
        };
        return Byte.BYTES + fields;
    }

    private long recordSize(Object value, int depth) {
        Class<?> type = value.getClass();
        requireAllowed(type, value);
        long size = stringSize(type.getName()) + Byte.BYTES;
        for (RecordComponent component : type.getRecordComponents()) {
            size += sizeOf(componentValue(component, value), depth + 1);
        }
        return size;
    }

    private static long stringSize(String value) {
        return Wire.STRING_HEADER + (long) value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Object componentValue(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read component '" + component.getName() + "' of "
                    + record.getClass().getName() + ": " + e
                    + " (open its package to dev.multinode.runtime if it lives in a named module)", e);
        }
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("message nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Object read(ByteBuffer buffer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedMessageException("message nests deeper than " + MAX_DEPTH + " levels");
        }
        Tag tag = Tag.ofCode(buffer.get());
        return switch (tag) {
            case NULL -> null;
            case STRING -> Wire.getString(buffer);
            case BOOLEAN -> buffer.get() != 0;
            case BYTE -> buffer.get();
            case SHORT -> buffer.getShort();
            case CHAR -> buffer.getChar();
            case INT -> buffer.getInt();
            case LONG -> buffer.getLong();
            case FLOAT -> buffer.getFloat();
            case DOUBLE -> buffer.getDouble();
            case BYTES -> readBytes(buffer);
            case PROBE_REF -> new ProbeRef(Wire.getString(buffer), Wire.getString(buffer));
            case LIST -> readList(buffer, depth);
            case ENUM -> readEnum(buffer);
            case RECORD -> readRecord(buffer, depth);
        };
    }

    private static byte[] readBytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new MalformedMessageException("byte array of length " + length + " with " + buffer.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private List<Object> readList(ByteBuffer buffer, int depth) {
        int size = buffer.getInt();
        if (size < 0 || size > buffer.remaining()) {
            throw new MalformedMessageException("list of " + size + " items with " + buffer.remaining() + " bytes left");
        }
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(buffer, depth + 1));
        }
        return Collections.unmodifiableList(list);
    }

    private Object readEnum(ByteBuffer buffer) {
        Class<?> type = allowedType(Wire.getString(buffer));
        String constant = Wire.getString(buffer);
        if (!type.isEnum()) {
            throw new MalformedMessageException(type.getName() + " is not an enum");
        }
        for (Object value : type.getEnumConstants()) {
            if (((Enum<?>) value).name().equals(constant)) {
                return value;
            }
        }
        throw new MalformedMessageException(type.getName() + " has no constant " + constant);
    }

    private Object readRecord(ByteBuffer buffer, int depth) {
        Class<?> type = allowedType(Wire.getString(buffer));
        if (!type.isRecord()) {
            throw new MalformedMessageException(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        int count = buffer.get();
        if (count != components.length) {
            throw new MalformedMessageException(type.getName() + " has " + components.length + " components, the message " + count);
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(buffer, depth + 1);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MalformedMessageException("cannot create " + type.getName() + " from the message: " + e, e);
        }
    }

    private Class<?> allowedType(String name) {
        Class<?> type = allowed.get(name);
        if (type == null) {
            throw new MalformedMessageException("class " + name + " is not allowed in probe messages; allowed: "
                    + (allowed.isEmpty() ? "none" : allowed.keySet()));
        }
        return type;
    }

    private void requireAllowed(Class<?> type, Object value) {
        if (!allowed.containsKey(type.getName())) {
            throw new IllegalArgumentException("cannot send " + abbreviate(value) + ": " + type.getName()
                    + " is not allowed in probe messages; allow it with MultiNode.spec(...).allow(" + type.getSimpleName() + ".class)");
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
