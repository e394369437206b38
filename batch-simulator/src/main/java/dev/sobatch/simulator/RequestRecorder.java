package dev.sobatch.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps the most recent requests, bounded, for assertions. Lock-free. */
final class RequestRecorder {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-xsrf-token", "x-superoffice-ticket", "soticket");

    private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final int max;

    RequestRecorder(int max) {
        this.max = max;
    }

    RecordedRequest.Builder begin(String method, String path, Iterable<Map.Entry<String, String>> headers) {
        Map<String, String> masked = new TreeMap<>();
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            String value = SECRET_HEADERS.contains(name) ? "***" : h.getValue();
            masked.merge(name, value, (a, b) -> a + ", " + b);
        }
        return RecordedRequest.builder(sequence.incrementAndGet(), Instant.now(), method, path, masked);
    }

    void add(RecordedRequest request) {
        if (max == 0) {
            return;
        }
        requests.add(request);
        if (size.incrementAndGet() > max && requests.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** In arrival order. */
    List<RecordedRequest> snapshot() {
        List<RecordedRequest> list = new ArrayList<>(requests);
        list.sort(Comparator.comparingLong(RecordedRequest::sequence));
        return list;
    }

    long count(String operation) {
        return requests.stream().filter(r -> operation.equals(r.operation())).count();
    }

    void clear() {
        requests.clear();
        size.set(0);
    }
}
