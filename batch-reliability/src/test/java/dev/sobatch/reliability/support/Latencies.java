package dev.sobatch.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/** Per-call latencies of one run, and the summary line written for docs/RELIABILITY.md. */
public final class Latencies {
    private final AtomicLongArray nanos;
    private final AtomicInteger count = new AtomicInteger();

    public Latencies(int capacity) {
        this.nanos = new AtomicLongArray(capacity);
    }

    public void record(long elapsedNanos) {
        int i = count.getAndIncrement();
        if (i < nanos.length()) {
            nanos.set(i, elapsedNanos);
        }
    }

    public int count() {
        return count.get();
    }

    /** Percentile in milliseconds (nearest rank). */
    public double percentileMillis(double p) {
        int n = Math.min(count.get(), nanos.length());
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = nanos.get(i);
        }
        Arrays.sort(sorted);
        if (n == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, rank))] / 1e6;
    }

    /** Prints and appends one result line to target/reliability-results.txt. */
    public String report(String name, long wallNanos, String extra) {
        double seconds = wallNanos / 1e9;
        String line = String.format("%s %s: %d calls in %.2f s = %.0f calls/s, p50 %.2f ms, p99 %.2f ms%s",
                Instant.now(), name, count(), seconds, count() / seconds, percentileMillis(50), percentileMillis(99),
                extra == null ? "" : ", " + extra);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "reliability-results.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }
}
