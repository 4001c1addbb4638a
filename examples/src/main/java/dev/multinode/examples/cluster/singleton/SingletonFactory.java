package dev.multinode.examples.cluster.singleton;

/** Creates a singleton's instance each time it starts on a node. */
@FunctionalInterface
public interface SingletonFactory {

    /**
     * @param context the instance's name and host
     * @return a new instance
     */
    Singleton create(SingletonContext context);
}
