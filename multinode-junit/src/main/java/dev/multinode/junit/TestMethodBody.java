package dev.multinode.junit;

import dev.multinode.Node;
import dev.multinode.NodeBody;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The body of a {@link MultiNodeTest} run: each node creates its own instance of the test class and
 * calls the test method on it. Only the classes and the method's name travel to the nodes, so the
 * test instance is never captured, and each node's fields are its own.
 *
 * @param testClass      the class to instantiate (the test class, which may inherit the method)
 * @param declaringClass the class that declares the method
 * @param methodName     the method's name; it takes one {@link Node}
 */
record TestMethodBody(Class<?> testClass, Class<?> declaringClass, String methodName) implements NodeBody {

    private static final long serialVersionUID = 1L;

    @Override
    public void run(Node node) throws Exception {
        Method method = declaringClass.getDeclaredMethod(methodName, Node.class);
        method.setAccessible(true);
        Object instance = newInstance();
        try {
            method.invoke(instance, node);
        } catch (InvocationTargetException e) {
            throw rethrown(e.getCause());
        }
    }

    private Object newInstance() throws Exception {
        Constructor<?> constructor;
        try {
            constructor = testClass.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Each node creates its own " + testClass.getName()
                    + " with a no-argument constructor, which it does not have (a @Nested or inner class has none)", e);
        }
        constructor.setAccessible(true);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The test's own exception is the node's outcome, not the reflection wrapper around it. */
    private static Exception rethrown(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return (Exception) thrown;
    }
}
