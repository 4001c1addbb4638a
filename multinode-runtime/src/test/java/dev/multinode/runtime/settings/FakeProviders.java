package dev.multinode.runtime.settings;

import dev.multinode.LaunchMode;
import dev.multinode.spi.Transport;
import dev.multinode.spi.TransportContext;
import dev.multinode.spi.TransportProvider;
import java.util.List;
import java.util.Set;

/**
 * Transport providers for {@link TransportCatalogTest}, which loads them through a class loader of
 * its own; none of them is declared to this module's ServiceLoader.
 */
public final class FakeProviders {

    private static final String NAME_ONLY = "a fake provider has a name and nothing else";

    private FakeProviders() {
    }

    /** A provider that only has a name: the catalog asks for nothing else. */
    public abstract static class Named implements TransportProvider {

        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<LaunchMode> launchModes() {
            throw new UnsupportedOperationException(NAME_ONLY);
        }

        @Override
        public LaunchMode defaultLaunchMode() {
            throw new UnsupportedOperationException(NAME_ONLY);
        }

        @Override
        public List<String> jvmFlags() {
            throw new UnsupportedOperationException(NAME_ONLY);
        }

        @Override
        public Transport open(TransportContext context) {
            throw new UnsupportedOperationException(NAME_ONLY);
        }
    }

    /** Transport {@code alpha}. */
    public static final class Alpha extends Named {
        /** Called by ServiceLoader. */
        public Alpha() {
            super("alpha");
        }
    }

    /** A second provider of transport {@code alpha}. */
    public static final class OtherAlpha extends Named {
        /** Called by ServiceLoader. */
        public OtherAlpha() {
            super("alpha");
        }
    }

    /** Transport {@code beta}. */
    public static final class Beta extends Named {
        /** Called by ServiceLoader. */
        public Beta() {
            super("beta");
        }
    }

    /** A provider whose constructor throws. */
    public static final class FailingConstructor extends Named {
        /** Called by ServiceLoader; always throws. */
        public FailingConstructor() {
            super("gamma");
            throw new IllegalStateException("no licence for gamma");
        }
    }

    /** A provider whose {@code name()} throws. */
    public static final class FailingName extends Named {
        /** Called by ServiceLoader. */
        public FailingName() {
            super("delta");
        }

        @Override
        public String name() {
            throw new IllegalStateException("delta is not configured");
        }
    }

    /** A provider without a name. */
    public static final class NullName extends Named {
        /** Called by ServiceLoader. */
        public NullName() {
            super(null);
        }
    }

    /** Stands for a class of a jar missing from the class path: the test's loader refuses it. */
    public abstract static class Missing extends Named {
        Missing() {
            super("epsilon");
        }
    }

    /** A provider whose superclass cannot be loaded. */
    public static final class NeedsMissing extends Missing {
        /** Never called: the class cannot be linked. */
        public NeedsMissing() {
        }
    }
}
