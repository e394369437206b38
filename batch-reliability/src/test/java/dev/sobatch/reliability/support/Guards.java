package dev.sobatch.reliability.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installed once per test JVM, before any test class loads Netty (a {@link LauncherSessionListener}
 * registered in META-INF/services): a leak detector factory whose detectors record every leak report
 * instead of only logging it, and BlockHound with a callback that records every blocking call made on a
 * non-blocking (Netty event loop, Reactor parallel) thread. {@link GuardsExtension} fails a test on either.
 */
public final class Guards implements LauncherSessionListener {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final List<String> BLOCKING_CALLS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    /** Idempotent; also called by the extension in case a runner skipped the session listener. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        BlockHound.install(builder -> builder
                // the test logging backend writes synchronously to a file; production apps use async appenders
                .allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "handleNormalizedLoggingCall")
                .allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write")
                // Netty 4.2's default allocator locks a magazine briefly when it grows its magazines under
                // contention (many channels reading at once); Netty's own code, outside the SDK's control
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
                .blockingMethodCallback(method -> {
            BLOCKING_CALLS.add(Thread.currentThread().getName() + ": " + method + where());
            throw new reactor.blockhound.BlockingOperationError(method);
        }));
    }

    /** The frames that led to a blocking call, beyond the JDK and BlockHound, so a report names its source. */
    private static String where() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("dev.sobatch.reliability.support") || c.startsWith("reactor.blockhound")
                    || c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            sb.append("\n    at ").append(e);
            if (++shown == 15) {
                break;
            }
        }
        return sb.toString();
    }

    /** Leak reports recorded so far. */
    public static List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    /** Blocking calls on non-blocking threads recorded so far. */
    public static List<String> blockingCalls() {
        return List.copyOf(BLOCKING_CALLS);
    }

    /** Forgets what was recorded (e.g. after a test that provokes a blocking call on purpose). */
    public static void reset() {
        LEAKS.clear();
        BLOCKING_CALLS.clear();
    }

    /**
     * Lets the leak detector see garbage: a tracked buffer that was collected without release is reported
     * on a later allocation, so collect and allocate a few rounds.
     */
    public static List<String> collectLeaks() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            List<ByteBuf> churn = new ArrayList<>();
            for (int j = 0; j < 64; j++) {
                churn.add(PooledByteBufAllocator.DEFAULT.buffer(16));
                churn.add(UnpooledByteBufAllocator.DEFAULT.buffer(16));
                churn.add(io.netty.buffer.ByteBufAllocator.DEFAULT.buffer(16));
            }
            churn.forEach(ByteBuf::release);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return leaks();
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<?> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add("LEAK: " + resourceType + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add("LEAK: " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
