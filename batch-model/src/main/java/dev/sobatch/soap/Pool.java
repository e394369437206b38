package dev.sobatch.soap;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded, lock-free pool of reusable objects. Lock-free because the codec runs on Netty event loops,
 * where a contended lock would park the thread; bounded so that a burst of threads does not leave
 * more idle objects behind than the pool's size.
 */
final class Pool<T> {
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    Pool(int capacity) {
        this.capacity = capacity;
    }

    /** An idle object, or {@code null} when there is none. */
    T poll() {
        T t = idle.poll();
        if (t != null) {
            size.decrementAndGet();
        }
        return t;
    }

    /** Keeps {@code t} for later unless the pool is full. */
    void offer(T t) {
        if (size.incrementAndGet() <= capacity) {
            idle.offer(t);
        } else {
            size.decrementAndGet();
        }
    }
}
