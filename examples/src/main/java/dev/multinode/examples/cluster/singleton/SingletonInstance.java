package dev.multinode.examples.cluster.singleton;

import java.util.Objects;

/** A singleton's instance on this node while it runs here: created by its factory on each start. */
final class SingletonInstance implements SingletonLifecycle {

    private final SingletonContext context;
    private final SingletonFactory factory;
    private Singleton instance;

    /**
     * @param context the singleton's name and this node's role, handed to each new instance
     * @param factory creates the instance each time it starts here
     */
    SingletonInstance(SingletonContext context, SingletonFactory factory) {
        this.context = context;
        this.factory = factory;
    }

    @Override
    public void start() {
        instance = Objects.requireNonNull(factory.create(context),
                "the factory of singleton " + context.name() + " returned null");
    }

    @Override
    public void stop() {
        Singleton stopping = instance;
        instance = null;
        stopping.onStop();
    }

    /** @return the running instance, or null while none runs here */
    Singleton current() {
        return instance;
    }
}
