package dev.sobatch.reactive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Installs BlockHound once for the test JVM and fails any test during which a blocking call ran on a
 * non-blocking (Reactor or Netty) thread, even when the error was swallowed downstream.
 */
public final class BlockHoundExtension implements BeforeEachCallback, AfterEachCallback {
    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

    static {
        // install(...) also loads the integrations on the class path (Reactor's, Reactor Netty's), which mark
        // their threads as non-blocking.
        BlockHound.install(builder -> builder
                // Test logging (slf4j-simple prints to stderr) is not the code under test.
                .allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write")
                .blockingMethodCallback(method -> {
                    StringBuilder where = new StringBuilder();
                    for (StackTraceElement e : new Throwable().getStackTrace()) {
                        if (where.length() < 3000) {
                            where.append("\n\t").append(e);
                        }
                    }
                    BLOCKED.add(method + " on " + Thread.currentThread().getName() + where);
                    throw new BlockingOperationError(method);
                }));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BLOCKED.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }

    /** Whether BlockHound is active: a blocking call on a parallel thread must fail. */
    public static boolean detectsBlocking() {
        try {
            reactor.core.publisher.Mono.fromCallable(() -> {
                Thread.sleep(1);
                return "";
            }).subscribeOn(reactor.core.scheduler.Schedulers.parallel()).block();
            return false;
        } catch (Throwable e) {
            boolean found = false;
            for (Throwable c = e; c != null; c = c.getCause()) {
                found |= c instanceof BlockingOperationError;
            }
            if (!found) {
                throw new AssertionError("unexpected failure of the BlockHound probe", e);
            }
            BLOCKED.clear();
            return true;
        }
    }
}
