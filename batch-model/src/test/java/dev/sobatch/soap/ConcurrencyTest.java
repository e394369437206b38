package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The one shared codec (and its pooled JAXB marshallers) under concurrent use. */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUND_TRIPS = 2_000;

    private static boolean requestRoundTrips(SoapCodec codec, SoapVersion version, BatchOperation op) {
        Object request = TestData.request(op);
        SoapRequest decoded = codec.decodeRequest(new ByteArrayInputStream(
                codec.encodeRequest(version, op, TestData.HEADERS, request)));
        return decoded.operation() == op && decoded.version() == version && decoded.payload().equals(request)
                && decoded.headers().equals(TestData.HEADERS);
    }

    private static boolean responseRoundTrips(SoapCodec codec, SoapVersion version, BatchOperation op) {
        Object response = TestData.response(op);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(version, op, ResponseHeaders.success(), response, out);
        SoapResponse back = codec.decodeResponse(op, out.toByteArray());
        return back.version() == version && back.payload(op.responseType()).equals(response);
    }

    @Test
    void theSharedCodecRoundTripsCorrectlyFromEightThreadsAtOnce() throws Exception {
        SoapCodec codec = SoapCodec.defaults();
        BatchOperation[] ops = BatchOperation.values();
        SoapVersion[] versions = SoapVersion.values();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> worker = () -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < ROUND_TRIPS; i++) {
                        BatchOperation op = ops[(thread + i) % ops.length];
                        SoapVersion version = versions[(thread + i / ops.length) % versions.length];
                        if (i % 2 == 0 ? requestRoundTrips(codec, version, op) : responseRoundTrips(codec, version, op)) {
                            ok++;
                        }
                    }
                    return ok;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isEqualTo(ROUND_TRIPS);
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
