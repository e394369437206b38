package dev.sobatch.testing;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Installs BlockHound once per test JVM and fails every test, and every class set-up or tear-down, during
 * which a blocking call ran on a non-blocking thread (a Netty event loop, a Reactor parallel or single
 * worker). The blocking call itself throws {@link BlockingOperationError} where it happens; the record also
 * catches the calls whose error was swallowed downstream (mapped to a fallback, a closed connection).
 *
 * <p>Registered for every Jupiter test of a module that has this jar on its test class path and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in its {@code junit-platform.properties}
 * (this jar's {@code META-INF/services} names it). Tests of other engines (jqwik) call {@link #install()}
 * and check {@link #recordedCalls()} themselves.
 *
 * <p>Blocking calls happen on event-loop threads, not on the test's thread, so in a class whose tests run
 * concurrently a call is reported by whichever running test checks first: still a failure, maybe of a
 * neighbour.
 */
public final class BlockHoundExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BlockHoundExtension.class);
    private static final int SHOWN_FRAMES = 25;
    private static final Recorder CALLS = new Recorder();
    private static volatile String guardedTest;
    private static boolean installed;

    static {
        install();
    }

    /**
     * Installs BlockHound with the shared allowances and the recording callback; idempotent. BlockHound keeps
     * the first installation of a JVM and ignores later ones, so every guard in a test JVM must install
     * through here, or its callback (and with it this record) would silently never run.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        // install(...) also loads the integrations on the class path (Reactor's, Netty's), which mark their
        // threads as non-blocking.
        BlockHound.install(builder -> builder
                // The test logging backend (slf4j-simple) prints or appends to a file synchronously; it is not
                // the code under test, and applications use asynchronous appenders.
                .allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "handleNormalizedLoggingCall")
                .allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write")
                // Netty 4.2's default allocator (AdaptivePoolingAllocator) takes a magazine's StampedLock for
                // a moment when it grows its magazines under contention and when a magazine frees a chunk:
                // Netty's own code on its own event loops, short, and outside the SDK's control.
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                        "tryExpandMagazines")
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
                .blockingMethodCallback(method -> {
                    CALLS.record(method + " on " + Thread.currentThread().getName() + where());
                    throw new BlockingOperationError(method);
                }));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("class", CALLS.mark());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getStore(NS).remove("class", Integer.class)); // those made outside the tests
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("test", CALLS.mark());
        guardedTest = context.getUniqueId();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        guardedTest = null;
        check(context.getStore(NS).remove("test", Integer.class));
    }

    private static void check(Integer mark) {
        List<String> calls = CALLS.claimSince(mark == null ? 0 : mark);
        if (!calls.isEmpty()) {
            throw new AssertionError(Recorder.describe("blocking call(s) on non-blocking threads", calls));
        }
    }

    /** The unique id of the test being guarded now, or {@code null}: shows that auto-detection registered it. */
    public static String guardedTest() {
        return guardedTest;
    }

    /**
     * Runs {@code action} and returns the blocking calls it provoked ("method on thread" and the frames that
     * led to it), which then fail no test and leave {@link #recordedCalls()}: for tests that block on purpose
     * to prove the guard works.
     */
    public static List<String> blockingCallsDuring(Runnable action) {
        int mark = CALLS.mark();
        action.run();
        return CALLS.provokedSince(mark);
    }

    /**
     * Every blocking call on a non-blocking thread recorded in this JVM so far, in order, reported or not,
     * except those provoked inside {@link #blockingCallsDuring(Runnable)}; it only grows, so an index taken
     * before an action marks what the action added.
     */
    public static List<String> recordedCalls() {
        return CALLS.history();
    }

    /** Whether BlockHound is active in this JVM: a probe that sleeps on a Reactor parallel thread must fail. */
    public static boolean detectsBlocking() {
        List<String> calls = blockingCallsDuring(() -> {
            try {
                Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "slept";
                }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
            } catch (RuntimeException | Error e) {
                // expected when BlockHound refused the sleep; the record below is what counts
            }
        });
        return !calls.isEmpty();
    }

    /** The frames that led to the blocking call, beyond the JDK and BlockHound, so that a report names its source. */
    private static String where() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if (c.equals(BlockHoundExtension.class.getName()) || c.startsWith("reactor.blockhound") || c.startsWith("java.")
                    || c.startsWith("jdk.") || c.startsWith("sun.")) {
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
