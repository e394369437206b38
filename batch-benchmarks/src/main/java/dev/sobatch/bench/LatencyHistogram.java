package dev.sobatch.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free, allocation-free latency histogram with about 3% resolution: 32 linear sub-buckets per
 * power of two of nanoseconds (exact below 64 ns). Recording allocates nothing, so it does not disturb the allocation figures.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAGNITUDES = 40;
    private final AtomicLongArray counts = new AtomicLongArray(MAGNITUDES * SUB);

    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos)));
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS + 1;
        int sub = (int) (v >>> magnitude);
        return Math.min(magnitude * SUB + sub, MAGNITUDES * SUB - 1);
    }

    /** The smallest value that maps to bucket {@code i}: the inverse of {@link #index}. */
    static long lowerBound(int i) {
        int magnitude = i / SUB;
        int sub = i % SUB;
        if (magnitude == 0) {
            return sub;
        }
        return ((long) sub) << magnitude;
    }

    long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The value at quantile {@code q} (0..1), in nanoseconds; 0 when empty. */
    long quantile(double q) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return lowerBound(i);
            }
        }
        return lowerBound(counts.length() - 1);
    }
}
