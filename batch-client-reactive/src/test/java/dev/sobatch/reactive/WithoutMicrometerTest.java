package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.NoMicrometerProbe;
import dev.sobatch.reactive.testing.TestServer;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: an application without it on its class path must be able to build a
 * client and call the service. The client runs in a class loader made of this test's class path minus every
 * {@code io.micrometer} jar (its parent is the platform loader, so nothing leaks in from the test's loader);
 * the server stays outside.
 */
class WithoutMicrometerTest {

    @Test
    void aClientBuiltWithoutMicrometerOnTheClassPathStartsAJob() throws Exception {
        try (TestServer server = TestServer.start();
                URLClassLoader loader = new URLClassLoader("no-micrometer", classPathWithoutMicrometer(),
                        ClassLoader.getPlatformClassLoader())) {
            server.then(Answer.ok(IntResponse.of(42)));
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("io.micrometer.observation.ObservationRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> probe = loader.loadClass(NoMicrometerProbe.class.getName());
            assertThat(probe).isNotSameAs(NoMicrometerProbe.class);
            assertThat(loader.loadClass(ReactiveBatchClient.class.getName()).getClassLoader()).isSameAs(loader);

            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader); // JAXB finds its implementation through it
            Object id;
            try {
                id = probe.getMethod("startBatchJob", String.class).invoke(null, server.batchUrl().toString());
            } finally {
                thread.setContextClassLoader(previous);
            }
            assertThat(id).isEqualTo(42);
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(server.last().payload(StartBatchJob.class).batchTaskInfo().name()).isEqualTo("Export");
        }
    }

    private static URL[] classPathWithoutMicrometer() throws MalformedURLException {
        String classPath = System.getProperty("java.class.path");
        List<URL> urls = new ArrayList<>();
        boolean sawMicrometer = false;
        boolean sawClient = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            String normalized = path.toString().replace(File.separatorChar, '/');
            if (normalized.contains("/io/micrometer/") || path.getFileName().toString().startsWith("micrometer-")) {
                sawMicrometer = true;
                continue;
            }
            sawClient |= normalized.endsWith("batch-client-reactive/target/classes");
            urls.add(path.toUri().toURL());
        }
        // Guards against a class path this test cannot see (e.g. a manifest-only jar): it would prove nothing.
        assertThat(sawMicrometer).as("Micrometer was on the test class path").isTrue();
        assertThat(sawClient).as("the client's classes are on the test class path: %s", classPath).isTrue();
        return urls.toArray(URL[]::new);
    }
}
