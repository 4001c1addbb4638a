package dev.multinode.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.multinode.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TransportCatalog} over fake providers that only a class loader of this test sees. */
class TransportCatalogTest {

    @TempDir
    Path folder;

    private final List<String> warnings = new ArrayList<>();
    private ProviderLoader loader;

    @AfterEach
    void closeLoader() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void providersThatCannotBeLoadedAreReportedAndSkipped() throws IOException {
        TransportCatalog catalog = catalog(null, FakeProviders.Alpha.class.getName(),
                FakeProviders.FailingConstructor.class.getName(), FakeProviders.FailingName.class.getName(),
                FakeProviders.NullName.class.getName(), FakeProviders.NeedsMissing.class.getName(),
                "com.example.NotThere", FakeProviders.Beta.class.getName());

        assertThat(catalog.get("alpha").getClass().getName()).isEqualTo(FakeProviders.Alpha.class.getName());
        assertThat(catalog.get("beta").getClass().getName()).isEqualTo(FakeProviders.Beta.class.getName());
        assertThat(warnings).containsExactly(
                "Skipping a transport provider that cannot be loaded: dev.multinode.spi.TransportProvider: Provider "
                        + FakeProviders.FailingConstructor.class.getName()
                        + " could not be instantiated: java.lang.IllegalStateException: no licence for gamma",
                "Skipping transport provider " + FakeProviders.FailingName.class.getName()
                        + ": its name() threw java.lang.IllegalStateException: delta is not configured",
                "Skipping transport provider " + FakeProviders.NullName.class.getName() + ": its name() returned null",
                "Skipping a transport provider that cannot be loaded: java.lang.NoClassDefFoundError: "
                        + FakeProviders.Missing.class.getName().replace('.', '/') + ": java.lang.ClassNotFoundException: "
                        + FakeProviders.Missing.class.getName() + " stands for a class of a missing jar",
                "Skipping a transport provider that cannot be loaded: dev.multinode.spi.TransportProvider: Provider "
                        + "com.example.NotThere not found");
        assertThat(assertThrows(IllegalArgumentException.class, () -> catalog.get("gamma")))
                .hasMessage("Unknown transport 'gamma' (multinode.transport): found alpha, beta");
    }

    @Test
    void serviceFilesThatCannotBeReadAreReportedOnceNotRetriedForever() {
        // ServiceLoader asks for the service files again after each failure to find them
        ClassLoader unreadable = new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                throw new IOException("the disk is gone");
            }
        };

        TransportCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> TransportCatalog.load(unreadable, null, warnings::add));

        assertThat(warnings).containsExactly("Skipping a transport provider that cannot be loaded: "
                + "dev.multinode.spi.TransportProvider: Error locating configuration files: java.io.IOException: "
                + "the disk is gone");
        assertThat(assertThrows(IllegalArgumentException.class, () -> catalog.get("alpha")))
                .hasMessageStartingWith("Unknown transport 'alpha' (multinode.transport): found none");
    }

    @Test
    void eachWarningIsPassedOnOnce() throws IOException {
        writeServices(FakeProviders.FailingConstructor.class.getName(), FakeProviders.Alpha.class.getName());
        Consumer<String> once = TransportCatalog.once(warnings::add);

        TransportCatalog.load(loader(), null, once);
        TransportCatalog.load(loader(), null, once);

        assertThat(warnings).hasSize(1).allMatch(warning -> warning.contains(FakeProviders.FailingConstructor.class.getName()));
    }

    @Test
    void twoProvidersOfOneNameAreAnErrorWhenThatNameIsChosen() throws IOException {
        TransportCatalog catalog = catalog(null, FakeProviders.Alpha.class.getName(),
                FakeProviders.OtherAlpha.class.getName(), FakeProviders.Beta.class.getName());

        assertThat(catalog.get("beta").getClass().getName()).isEqualTo(FakeProviders.Beta.class.getName());
        assertThat(assertThrows(IllegalArgumentException.class, () -> catalog.get("alpha")))
                .hasMessage("Transport 'alpha' (multinode.transport) has 2 providers on the class path: "
                        + FakeProviders.Alpha.class.getName() + ", " + FakeProviders.OtherAlpha.class.getName()
                        + "; pick one with -Dmultinode.transportProvider=<one of these classes>, or remove the others");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theProviderPropertyPicksOneProviderOfItsName() throws IOException {
        TransportCatalog catalog = catalog(" " + FakeProviders.OtherAlpha.class.getName() + " ,"
                        + FakeProviders.Beta.class.getName(),
                FakeProviders.Alpha.class.getName(), FakeProviders.OtherAlpha.class.getName(),
                FakeProviders.Beta.class.getName());

        assertThat(catalog.get("alpha").getClass().getName()).isEqualTo(FakeProviders.OtherAlpha.class.getName());
        assertThat(catalog.get("beta").getClass().getName()).isEqualTo(FakeProviders.Beta.class.getName());
    }

    @Test
    void aProviderPropertyNamingNoProviderFoundNamesTheValueAndTheProviders() throws IOException {
        TransportCatalog catalog = catalog("com.example.Nope",
                FakeProviders.Alpha.class.getName(), FakeProviders.OtherAlpha.class.getName(),
                FakeProviders.Beta.class.getName());

        assertThat(assertThrows(IllegalArgumentException.class, () -> catalog.get("beta")))
                .hasMessage("Invalid multinode.transportProvider 'com.example.Nope': no transport provider of class "
                        + "com.example.Nope was found; accepted are the classes of the providers found, separated by "
                        + "commas: " + FakeProviders.Alpha.class.getName() + " (alpha), "
                        + FakeProviders.OtherAlpha.class.getName() + " (alpha), " + FakeProviders.Beta.class.getName()
                        + " (beta)");
    }

    @Test
    void aProviderPropertyChoosingTwoProvidersOfOneNameIsRefused() throws IOException {
        String both = FakeProviders.Alpha.class.getName() + "," + FakeProviders.OtherAlpha.class.getName();
        TransportCatalog catalog = catalog(both, FakeProviders.Alpha.class.getName(),
                FakeProviders.OtherAlpha.class.getName());

        assertThat(assertThrows(IllegalArgumentException.class, () -> catalog.get("alpha")))
                .hasMessage("Invalid multinode.transportProvider '" + both + "': it chooses both "
                        + FakeProviders.Alpha.class.getName() + " and " + FakeProviders.OtherAlpha.class.getName()
                        + " for transport 'alpha'; choose one provider per transport");
    }

    @Test
    void withNoProviderTheMessageSaysWhatToAdd() throws IOException {
        TransportCatalog catalog = catalog(null);

        assertThat(assertThrows(IllegalArgumentException.class, () -> catalog.get("inproc")))
                .hasMessage("Unknown transport 'inproc' (multinode.transport): found none — add a transport module "
                        + "such as dev.multinode:transport-inproc");
    }

    private TransportCatalog catalog(String chosenProviders, String... providerClasses) throws IOException {
        writeServices(providerClasses);
        return TransportCatalog.load(loader(), chosenProviders, warnings::add);
    }

    private void writeServices(String... providerClasses) throws IOException {
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.write(services.resolve(TransportProvider.class.getName()), Arrays.asList(providerClasses));
    }

    private ProviderLoader loader() throws IOException {
        if (loader == null) {
            loader = new ProviderLoader(folder);
        }
        return loader;
    }

    /**
     * Sees only the service file in the test's folder. It defines the fakes itself, in its unnamed
     * module, where class-path providers live: ServiceLoader skips a listed class of a named
     * module, and this test's classes are patched into the runtime's module. Every other class
     * comes from the test's own loader.
     */
    private static final class ProviderLoader extends URLClassLoader {

        ProviderLoader(Path folder) throws IOException {
            super(new URL[] {folder.toUri().toURL()}, null);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals(FakeProviders.Missing.class.getName())) {
                throw new ClassNotFoundException(name + " stands for a class of a missing jar");
            }
            if (!name.startsWith(FakeProviders.class.getName() + "$")) {
                return TransportCatalogTest.class.getClassLoader().loadClass(name);
            }
            try (InputStream in = TransportCatalogTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
