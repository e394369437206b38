package dev.sobatch.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails a test that leaked a Netty buffer: installs a leak detector factory whose detectors record every
 * LEAK report (instead of only logging it) and, unless {@code io.netty.leakDetection.level} is set, tracks
 * every buffer (PARANOID). A leak is only found once the buffer was garbage-collected and a later allocation
 * polls the detector, so each check collects garbage and allocates a little first. Full GCs stop every thread:
 * in a class whose tests run concurrently ({@code @Execution(CONCURRENT)}) they would stall the other tests,
 * so there leaks are checked once, after the class.
 *
 * <p>Not registered by this jar (a module may have its own leak detector): a module opts in by naming it in
 * its own {@code META-INF/services/org.junit.jupiter.api.extension.Extension}. Netty creates the buffers'
 * detector when its buffer classes load, so the factory must be installed before any buffer is allocated;
 * loading this extension does that in time for most suites, a {@code LauncherSessionListener} calling
 * {@link #install()} for all, and {@code beforeAll} fails when it was too late.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakDetectionExtension.class);
    private static final Recorder LEAKS = new Recorder();
    private static final Set<Class<?>> DETECTED = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    static {
        install();
    }

    /** Installs the recording factory (and PARANOID unless a level is configured); idempotent. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    private static boolean concurrent(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, Execution.class))
                .map(e -> e.value() == ExecutionMode.CONCURRENT).orElse(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ByteBufAllocator.DEFAULT.buffer(1).release(); // loads Netty's buffer classes if nothing has yet
        if (!DETECTED.contains(ByteBuf.class)) {
            throw new AssertionError("Netty created its buffer leak detector before LeakDetectionExtension "
                    + "installed its factory, so leaks would go unrecorded: call LeakDetectionExtension.install() "
                    + "from a LauncherSessionListener");
        }
        if (concurrent(context)) {
            collect();
            context.getStore(NS).put("class", LEAKS.mark());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Integer mark = context.getStore(NS).remove("class", Integer.class);
        if (mark != null) {
            collect();
            check(mark);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!concurrent(context)) {
            context.getStore(NS).put("test", LEAKS.mark());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Integer mark = context.getStore(NS).remove("test", Integer.class);
        if (mark != null) {
            collect();
            check(mark);
        }
    }

    private static void check(int mark) {
        List<String> leaks = LEAKS.claimSince(mark);
        if (!leaks.isEmpty()) {
            throw new AssertionError(Recorder.describe("Netty LEAK report(s)", leaks));
        }
    }

    /**
     * Runs {@code action}, lets the detector find what it leaked and returns those reports, which then fail no
     * test and leave {@link #recordedLeaks()}: for tests that leak on purpose to prove the guard works.
     */
    public static List<String> leaksDuring(Runnable action) {
        int mark = LEAKS.mark();
        action.run();
        collect();
        return LEAKS.provokedSince(mark);
    }

    /** Every LEAK report recorded in this JVM so far, in order, except those provoked in {@link #leaksDuring}. */
    public static List<String> recordedLeaks() {
        return LEAKS.history();
    }

    /** Collects garbage and allocates so that pending leaks get reported, then returns {@link #recordedLeaks()}. */
    public static List<String> collectLeaks() {
        collect();
        return recordedLeaks();
    }

    private static void collect() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            List<ByteBuf> churn = new ArrayList<>();
            for (int j = 0; j < 64; j++) {
                churn.add(PooledByteBufAllocator.DEFAULT.buffer(16));
                churn.add(UnpooledByteBufAllocator.DEFAULT.buffer(16));
                churn.add(ByteBufAllocator.DEFAULT.buffer(16));
            }
            churn.forEach(ByteBuf::release);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            DETECTED.add(resource);
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<?> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        /** Records even when the logger would not print the report. */
        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.record("LEAK: " + resourceType + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.record("LEAK: " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
