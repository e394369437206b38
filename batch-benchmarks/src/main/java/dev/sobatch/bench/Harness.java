package dev.sobatch.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.stream.XMLInputFactory;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.netty.resources.ConnectionProvider;

/**
 * The client side of the end-to-end benchmark: one JVM runs one contender against the fixed-response
 * server at several levels of calls in flight, and prints one {@code RESULT} line per level. Load is a
 * closed loop: each of the N in-flight slots starts its next call when the previous one ends.
 *
 * <pre>Harness --contender sdk-reactive --url http://127.0.0.1:PORT --levels 1,64 --warmup 2 --measure 3
 *         [--first-warmup 5] [--tasks 10,100,1000]</pre>
 *
 * The JVM is first warmed up at 64 in flight for {@code --first-warmup} seconds (see {@link #warmUp}),
 * then each level gets its own {@code --warmup} before it is measured.
 */
public final class Harness {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final java.lang.management.CompilationMXBean COMPILATION =
            ManagementFactory.getCompilationMXBean();
    /** Calls in flight while a JVM warms up (or fewer, when it measures no level that high). */
    private static final int WARM_UP_LEVEL = 64;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = Options.parse(args);
        String contender = opt.get("contender");
        String url = opt.get("url");
        int[] levels = Options.ints(opt.getOrDefault("levels", "1,64"));
        int[] taskCounts = Options.ints(opt.getOrDefault("tasks", "0"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "2"));
        double firstWarmup = Double.parseDouble(opt.getOrDefault("first-warmup", String.valueOf(warmup)));
        double measure = Double.parseDouble(opt.getOrDefault("measure", "3"));
        int maxLevel = 0;
        for (int l : levels) {
            maxLevel = Math.max(maxLevel, l);
        }
        System.err.println("harness " + contender + ": StAX " + XMLInputFactory.newFactory().getClass().getName());
        boolean first = true;
        for (int tasks : taskCounts) {
            try (Contender c = create(contender, url, maxLevel, tasks)) {
                if (first) {
                    warmUp(c, Math.min(maxLevel, WARM_UP_LEVEL), firstWarmup);
                    first = false;
                }
                for (int level : levels) {
                    Result r = run(c, level, warmup, measure);
                    System.out.println(r.line(contender, level, tasks));
                    System.out.flush();
                    if (r.errors > 0) {
                        System.err.println(contender + ": " + r.errors + " failed calls; first failure:");
                        r.firstError.printStackTrace();
                        System.exit(2);
                    }
                }
            }
        }
        System.exit(0);
    }

    static Contender create(String id, String url, int maxConnections, int tasks) throws Exception {
        switch (id) {
            case "raw":
                return new RawTransport(url, maxConnections, tasks);
            case "sdk-reactive":
                return new SdkReactive(url, maxConnections, tasks);
            case "sdk-blocking":
                return new SdkBlocking(url, maxConnections);
            case "cxf-httpclient":
                return new CxfClient(url, false);
            case "cxf-urlconnection":
                return new CxfClient(url, true);
            case "jaxb-baseline":
                return new JaxbBaseline(url, maxConnections);
            default:
                throw new IllegalArgumentException("unknown contender " + id);
        }
    }

    /** A connection pool big enough that no call waits for a connection. */
    static ConnectionProvider provider(String name, int maxConnections) {
        return ConnectionProvider.builder(name)
                .maxConnections(Math.max(1, maxConnections))
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Warms the JVM up at 64 calls in flight (the level of the throughput targets; many calls per second, so
     * the JIT compiler is done with the hot paths soonest, while a warm-up at 1,024 left code compiled for a
     * congested pool). How much the JIT still compiles during each measurement is in the {@code RESULT} line.
     */
    static void warmUp(Contender c, int level, double seconds) throws Exception {
        long jit0 = COMPILATION.getTotalCompilationTime();
        run(c, level, seconds, 0);
        System.err.printf(java.util.Locale.ROOT, "warm-up at %d in flight for %.1f s: JIT %d ms%n", level, seconds,
                COMPILATION.getTotalCompilationTime() - jit0);
    }

    // ------------------------------------------------------------------ one level

    static Result run(Contender c, int inFlight, double warmupSeconds, double measureSeconds) throws Exception {
        Load load = new Load();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            if (c instanceof Contender.Async a) {
                new Chain(a, load, done).next();
            } else {
                Contender.Blocking b = (Contender.Blocking) c;
                Thread t = new Thread(() -> loop(b, load, done), "load-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }
        sleep(warmupSeconds);
        load.histogram.set(new LatencyHistogram());
        Map<Long, Long> alloc0 = allocatedBytes();
        long calls0 = load.completed.get();
        long cpu0 = OS.getProcessCpuTime();
        long jit0 = COMPILATION.getTotalCompilationTime();
        long t0 = System.nanoTime();
        sleep(measureSeconds);
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        long jit1 = COMPILATION.getTotalCompilationTime();
        long calls1 = load.completed.get();
        Map<Long, Long> alloc1 = allocatedBytes();
        LatencyHistogram h = load.histogram.get();
        load.stop = true;
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls still in flight 60 s after the end of the run");
        }
        long allocated = 0;
        for (Map.Entry<Long, Long> e : alloc1.entrySet()) {
            allocated += e.getValue() - alloc0.getOrDefault(e.getKey(), 0L);
        }
        long calls = calls1 - calls0;
        Result r = new Result();
        r.calls = calls;
        r.seconds = (t1 - t0) / 1e9;
        r.callsPerSecond = calls / r.seconds;
        r.p50Micros = h.quantile(0.50) / 1e3;
        r.p99Micros = h.quantile(0.99) / 1e3;
        r.bytesPerCall = calls == 0 ? 0 : (double) allocated / calls;
        r.cpuMicrosPerCall = calls == 0 ? 0 : (cpu1 - cpu0) / 1e3 / calls;
        r.jitMillis = jit1 - jit0;
        r.errors = load.errors.get();
        r.firstError = load.firstError.get();
        return r;
    }

    private static void loop(Contender.Blocking b, Load load, CountDownLatch done) {
        try {
            while (!load.stop) {
                long start = System.nanoTime();
                b.call();
                load.completed(start);
            }
        } catch (Throwable t) {
            load.failed(t);
        } finally {
            done.countDown();
        }
    }

    /** Allocated bytes of every live thread, by thread id (JDK 17 has no process-wide total). */
    private static Map<Long, Long> allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> map = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                map.put(ids[i], bytes[i]);
            }
        }
        return map;
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    /** Shared state of the load of one level. */
    static final class Load {
        volatile boolean stop;
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<Throwable> firstError = new AtomicReference<>();
        final AtomicReference<LatencyHistogram> histogram = new AtomicReference<>(new LatencyHistogram());

        void completed(long startNanos) {
            histogram.get().record(System.nanoTime() - startNanos);
            completed.incrementAndGet();
        }

        void failed(Throwable t) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, t);
        }
    }

    /**
     * One in-flight slot of an async contender. The subscriber is reused for its slot's calls, which never
     * overlap, so that the harness itself allocates nothing per call beyond what the contender does.
     */
    static final class Chain implements CoreSubscriber<Object> {
        private final Contender.Async contender;
        private final Load load;
        private final CountDownLatch done;
        private long start;

        Chain(Contender.Async contender, Load load, CountDownLatch done) {
            this.contender = contender;
            this.load = load;
            this.done = done;
        }

        void next() {
            if (load.stop) {
                done.countDown();
                return;
            }
            start = System.nanoTime();
            try {
                contender.call().subscribe(this);
            } catch (Throwable t) {
                onError(t);
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Object value) {
            // the contender has checked the answer
        }

        @Override
        public void onError(Throwable t) {
            load.failed(t);
            done.countDown();
        }

        @Override
        public void onComplete() {
            load.completed(start);
            next();
        }
    }

    /** The figures of one level. */
    static final class Result {
        long calls;
        double seconds;
        double callsPerSecond;
        double p50Micros;
        double p99Micros;
        double bytesPerCall;
        double cpuMicrosPerCall;
        long errors;
        long jitMillis;
        Throwable firstError;

        String line(String contender, int level, int tasks) {
            return String.format(java.util.Locale.ROOT,
                    "RESULT\t%s\t%d\t%d\t%d\t%.3f\t%.1f\t%.1f\t%.1f\t%.0f\t%.2f\t%d\t%d", contender, level, tasks, calls,
                    seconds, callsPerSecond, p50Micros, p99Micros, bytesPerCall, cpuMicrosPerCall, errors, jitMillis);
        }
    }
}
