package dev.multinode.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multinode.consumers.spec.TwoNodeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * multinode in Apache Felix as an OSGi user runs it: the framework, SPI Fly (the Service Loader
 * Mediator) with the ASM bundles it needs, SLF4J with a provider, the wrapped Agrona bundle, the
 * api, runtime and transport bundles as built, and a test bundle holding a spec. Every bundle must
 * resolve and start; the spec then runs through the mediator in each transport that can run in a
 * framework: thread mode only, since process nodes need a class path to start a JVM with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OsgiFrameworkTest {

    /** The artifacts an OSGi user installs, in the order they are installed. */
    private static final List<String> ARTIFACTS = List.of("asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util",
            "org.apache.aries.spifly.dynamic.bundle", "slf4j-api", "slf4j-simple", "multinode-osgi-agrona",
            "multinode-api", "multinode-runtime", "transport-inproc", "transport-tcp", "transport-sim");
    /** How long the framework may take to stop. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private Framework framework;
    private Bundle specBundle;

    @BeforeAll
    void startFrameworkWithTheBundles() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "osgi"));
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the test class path"))
                .newFramework(Map.of(
                        Constants.FRAMEWORK_STORAGE, folder.resolve("felix-cache").toString(),
                        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                        // Agrona uses jdk.internal.misc (the JVM flag exports it to the unnamed
                        // module, where bundles live); the system bundle must export it too
                        Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "jdk.internal.misc",
                        // this JVM's class path holds the same jars (a framework launcher's holds
                        // the framework only): Felix must not hand JDK code such as ServiceLoader
                        // the class path's copies when a bundle's loader lacks a class
                        "felix.bootdelegation.implicit", "false"));
        framework.start();
        List<Bundle> bundles = new ArrayList<>();
        for (String artifact : ARTIFACTS) {
            bundles.add(install(BuiltJars.jar(artifact)));
        }
        specBundle = install(SpecBundle.write(folder));
        bundles.add(specBundle);
        List<String> failures = new ArrayList<>();
        if (!framework.adapt(FrameworkWiring.class).resolveBundles(bundles)) {
            failures.add("not every bundle resolves");
        }
        // in installation order: SPI Fly weaves the bundles' ServiceLoader calls as their classes
        // load, so it is active before any multinode class loads
        for (Bundle bundle : bundles) {
            try {
                bundle.start();
            } catch (BundleException e) {
                failures.add(bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
        assertThat(failures).as("bundles that do not resolve or start").isEmpty();
    }

    @AfterAll
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            assertThat(framework.waitForStop(STOP_WAIT_MILLIS).getType()).as("framework stopped in time")
                    .isEqualTo(FrameworkEvent.STOPPED);
        }
    }

    @Test
    void everyBundleIsActive() {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            assertThat(bundle.getState()).as(bundle.getSymbolicName() + " state").isEqualTo(Bundle.ACTIVE);
        }
    }

    @ParameterizedTest(name = "{0}/thread")
    @ValueSource(strings = {"inproc", "tcp", "sim"})
    void aSpecRunsThroughTheServiceLoaderMediator(String transport) throws Exception {
        @SuppressWarnings("unchecked")
        Consumer<String> spec = (Consumer<String>) specBundle.loadClass(TwoNodeSpec.class.getName())
                .getConstructor().newInstance();
        assertThat(spec.getClass().getClassLoader()).as("the spec's loader is its bundle's, not the test's")
                .isNotSameAs(TwoNodeSpec.class.getClassLoader());
        spec.accept(transport + "/thread");
    }

    private Bundle install(Path jar) throws BundleException {
        return framework.getBundleContext().installBundle(jar.toUri().toString());
    }
}
