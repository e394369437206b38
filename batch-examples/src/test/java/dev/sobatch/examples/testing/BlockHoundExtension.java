package dev.sobatch.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Installs BlockHound once for the test JVM (when auto-detection loads this extension, before any test
 * class starts a server) and fails every test, and every class set-up or tear-down, during which a
 * blocking call ran on a non-blocking thread: a Netty event loop or a Reactor parallel/single worker.
 * The blocking call itself throws {@link BlockingOperationError} where it happens; the record also
 * catches the calls whose error was swallowed downstream (mapped to a fallback, a closed connection).
 * Registered by auto-detection: META-INF/services and junit-platform.properties.
 */
public final class BlockHoundExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BlockHoundExtension.class);
    private static final List<String> BLOCKING_CALLS = new CopyOnWriteArrayList<>();
    private static final int SHOWN_FRAMES = 25;
    private static volatile String guardedTest;

    static {
        // install(...) also loads the integrations on the class path (Reactor's, Netty's), which mark their
        // threads as non-blocking.
        BlockHound.install(builder -> builder
                // The test logging backend (slf4j-simple) prints synchronously; it is not the code under test.
                .allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write")
                .blockingMethodCallback(method -> {
                    BLOCKING_CALLS.add(method + " on " + Thread.currentThread().getName() + where());
                    throw new BlockingOperationError(method);
                }));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("class", BLOCKING_CALLS.size());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getStore(NS).remove("class", Integer.class)); // those made outside the tests
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("test", BLOCKING_CALLS.size());
        guardedTest = context.getUniqueId();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        guardedTest = null;
        check(context.getStore(NS).remove("test", Integer.class));
    }

    /** The unique id of the test being guarded now, or {@code null}: shows that auto-detection registered it. */
    public static String guardedTest() {
        return guardedTest;
    }

    /** Fails on the calls recorded since {@code mark}, which are forgotten so that each is reported once. */
    private static void check(Integer mark) {
        List<String> since = BLOCKING_CALLS.subList(mark == null ? 0 : Math.min(mark, BLOCKING_CALLS.size()),
                BLOCKING_CALLS.size());
        List<String> calls = List.copyOf(since);
        since.clear();
        assertThat(calls).as("blocking calls on non-blocking threads").isEmpty();
    }

    /**
     * Runs {@code action} and returns the blocking calls it provoked, which are then forgotten so that the
     * test does not fail on them: for tests that block on purpose to prove the guard works.
     */
    public static List<String> blockingCallsDuring(Runnable action) {
        int mark = BLOCKING_CALLS.size();
        action.run();
        List<String> provoked = BLOCKING_CALLS.subList(mark, BLOCKING_CALLS.size());
        List<String> calls = List.copyOf(provoked);
        provoked.clear();
        return calls;
    }

    /** The frames that led to the blocking call, so that a report names its source. */
    private static String where() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if (c.equals(BlockHoundExtension.class.getName()) || c.startsWith("reactor.blockhound")) {
                continue;
            }
            sb.append("\n\tat ").append(e);
            if (++shown == SHOWN_FRAMES) {
                break;
            }
        }
        return sb.toString();
    }
}
