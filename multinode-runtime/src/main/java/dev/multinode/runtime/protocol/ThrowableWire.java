package dev.multinode.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * Carries an exception between JVMs as text: class name, message, stack frames and causes. The
 * receiver rebuilds a {@link RemoteNodeException}; no class named in the frame is ever loaded.
 */
public final class ThrowableWire {

    private static final int MAX_FRAMES = 60;
    private static final int MAX_CAUSES = 4;
    private static final int MAX_MESSAGE = 2000;

    private ThrowableWire() {
    }

    /**
     * @param buffer where
     * @param error  what
     */
    public static void put(ByteBuffer buffer, Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause()) {
            depth++;
        }
        buffer.put((byte) depth);
        Throwable current = error;
        for (int i = 0; i < depth; i++, current = current.getCause()) {
            Wire.putString(buffer, current.getClass().getName());
            Wire.putString(buffer, truncate(String.valueOf(current.getMessage())));
            StackTraceElement[] frames = current.getStackTrace();
            int count = Math.min(frames.length, MAX_FRAMES);
            buffer.putShort((short) count);
            for (int f = 0; f < count; f++) {
                Wire.putString(buffer, frames[f].getClassName());
                Wire.putString(buffer, frames[f].getMethodName());
                Wire.putString(buffer, String.valueOf(frames[f].getFileName()));
                buffer.putInt(frames[f].getLineNumber());
            }
        }
    }

    /**
     * @param buffer where, positioned at what {@link #put} wrote
     * @return the rebuilt exception, with its causes
     */
    public static RemoteNodeException get(ByteBuffer buffer) {
        int depth = buffer.get();
        String[] classNames = new String[depth];
        String[] messages = new String[depth];
        StackTraceElement[][] stacks = new StackTraceElement[depth][];
        for (int i = 0; i < depth; i++) {
            classNames[i] = Wire.getString(buffer);
            String message = Wire.getString(buffer);
            messages[i] = "null".equals(message) ? null : message;
            stacks[i] = new StackTraceElement[buffer.getShort()];
            for (int f = 0; f < stacks[i].length; f++) {
                String declaringClass = Wire.getString(buffer);
                String method = Wire.getString(buffer);
                String file = Wire.getString(buffer);
                stacks[i][f] = new StackTraceElement(declaringClass, method, "null".equals(file) ? null : file, buffer.getInt());
            }
        }
        RemoteNodeException rebuilt = null;
        for (int i = depth - 1; i >= 0; i--) {
            rebuilt = new RemoteNodeException(classNames[i], messages[i], stacks[i], rebuilt);
        }
        return rebuilt;
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
