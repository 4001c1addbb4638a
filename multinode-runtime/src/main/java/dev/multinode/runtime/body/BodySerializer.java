package dev.multinode.runtime.body;

import dev.multinode.NodeBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Turns a node body into bytes and back. Every launch mode goes through it, so a body that runs in
 * threads also runs in processes, and each node gets its own copy of what the body captured.
 */
public final class BodySerializer {

    private BodySerializer() {
    }

    /**
     * @param body the spec's body
     * @return its serialized form
     * @throws IllegalArgumentException explaining what is not serializable and the usual cause
     */
    public static byte[] serialize(NodeBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(body);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(explain(body, e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The node body " + describe(body) + " cannot be serialized: " + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param serialized  bytes from {@link #serialize}
     * @param classLoader where the body's classes live
     * @return a fresh copy of the body
     * @throws IllegalStateException if the bytes cannot be read back
     */
    public static NodeBody deserialize(byte[] serialized, ClassLoader classLoader) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(serialized), classLoader)) {
            return (NodeBody) in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("Cannot read back the serialized node body: " + e, e);
        }
    }

    private static String explain(NodeBody body, String offendingClass) {
        StringBuilder text = new StringBuilder("The node body ").append(describe(body))
                .append(" is not serializable: it captures an instance of ").append(offendingClass)
                .append(", which is not Serializable. Each node runs its own copy of the body (in another JVM in process mode), ")
                .append("so everything the lambda captures must be Serializable.");
        String capturedThis = capturedEnclosingInstance(body);
        if (capturedThis != null) {
            text.append(" The lambda captures 'this' (").append(capturedThis)
                    .append("): it is written in an instance method and uses a field or instance method of the test. ")
                    .append("Copy the values it needs into local variables, or make those members static.");
        } else {
            text.append(" Usual cause: a lambda written in an instance method that uses a field of the test captures 'this'; ")
                    .append("copy what it needs into local variables, or make the captured class Serializable.");
        }
        return text.toString();
    }

    /** The enclosing instance a lambda captured, if it is a lambda that captured one. */
    private static String capturedEnclosingInstance(NodeBody body) {
        SerializedLambda lambda = serializedForm(body);
        if (lambda == null) {
            return null;
        }
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            Object captured = lambda.getCapturedArg(i);
            if (captured != null && captured.getClass().getName().replace('.', '/').equals(lambda.getCapturingClass())) {
                return captured.getClass().getName();
            }
        }
        return null;
    }

    private static SerializedLambda serializedForm(NodeBody body) {
        try {
            Method writeReplace = body.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(body);
            return replaced instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not a lambda, or its module does not open it: the general explanation stands
        }
    }

    private static String describe(NodeBody body) {
        String name = body.getClass().getName();
        int lambdaMarker = name.indexOf("$$Lambda");
        return lambdaMarker < 0 ? name : "(a lambda in " + name.substring(0, lambdaMarker) + ")";
    }

    /** Resolves classes with the body's class loader rather than the runtime's. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        LoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
