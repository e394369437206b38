package dev.sobatch.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sobatch.blocking.SoapTestServer.Reply;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.soap.BatchOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class BatchClientThreadingTest {
    /** Only detects a hang. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private static BatchClient clientFor(SoapTestServer server) {
        return BatchClient.builder().endpoint(server.batchServiceUrl()).ticket(SoapTestServer.TICKET).build();
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + HANG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void anInterruptedCallerThrowsPromptlyKeepsItsInterruptFlagAndTheServerConnectionIsReleased()
            throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        try (SoapTestServer server = SoapTestServer.start(req -> {
            requestArrived.countDown();
            return Reply.delayed(Duration.ofSeconds(60), Reply.ok(IntResponse.of(1)));
        });
                BatchClient client = clientFor(server)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean interruptFlagAfterwards = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                try {
                    client.startBatchJob(BatchTaskInfo.named("ExportTask").build());
                } catch (Throwable t) {
                    thrown.set(t);
                    interruptFlagAfterwards.set(Thread.currentThread().isInterrupted());
                }
            }, "blocked-caller");
            caller.start();
            assertThat(requestArrived.await(HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(server.openConnections()).isEqualTo(1);

            caller.interrupt();
            caller.join(HANG.toMillis());

            assertThat(caller.isAlive()).as("caller still blocked after the interrupt").isFalse();
            assertThat(thrown.get()).isExactlyInstanceOf(BatchInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            BatchInterruptedException e = (BatchInterruptedException) thrown.get();
            assertThat(e.operation()).isEqualTo("StartBatchJob");
            assertThat(e.requestSent()).isTrue();
            assertThat(interruptFlagAfterwards).isTrue();
            waitUntil("the server saw the connection close", () -> server.openConnections() == 0);
            waitUntil("the server's exchange was cancelled", () -> server.cancelledExchanges() == 1);
            assertThat(server.receivedCount(BatchOperation.START_BATCH_JOB)).isEqualTo(1);
        }
    }

    @Test
    void aCallOnAnAlreadyInterruptedThreadSendsNothingAndKeepsTheFlag() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(1)));
                BatchClient client = clientFor(server)) {
            Throwable thrown;
            boolean flagAfterwards;
            Thread.currentThread().interrupt();
            try {
                thrown = catchThrowable(() -> client.startBatchJob(BatchTaskInfo.named("ExportTask").build()));
                flagAfterwards = Thread.currentThread().isInterrupted();
            } finally {
                Thread.interrupted();
            }

            assertThat(thrown).isExactlyInstanceOf(BatchInterruptedException.class);
            assertThat(((BatchInterruptedException) thrown).requestSent()).isFalse();
            assertThat(flagAfterwards).isTrue();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void callingFromAReactorParallelThreadFailsFastWithIllegalStateException() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(1)));
                BatchClient client = clientFor(server)) {
            Throwable thrown = catchThrowable(() -> Mono
                    .fromCallable(() -> client.startBatchJob(BatchTaskInfo.named("ExportTask").build()))
                    .subscribeOn(Schedulers.parallel())
                    .block(HANG));

            assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("non-blocking")
                    .hasMessageContaining("StartBatchJob")
                    .hasMessageContaining("parallel");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void callingFromTheClientsOwnEventLoopFailsFastInsteadOfDeadlocking() {
        try (SoapTestServer server = SoapTestServer.start(req -> req.operation() == BatchOperation.STOP_BATCH_JOB
                ? Reply.ok(BooleanResponse.of(true))
                : Reply.ok(BatchTaskInfoResponse.of(BatchTaskInfo.named("ExportTask").id(4).build())));
                BatchClient client = clientFor(server)) {
            Throwable thrown = catchThrowable(() -> client.reactive().getBatchTaskInfo(4)
                    .map(task -> client.stopBatchJob(task.id()))
                    .block(HANG));

            assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("StopBatchJob");
            assertThat(server.receivedCount(BatchOperation.STOP_BATCH_JOB)).isZero();
        }
    }

    @Test
    void twoHundredThreadsStartingJobsAtOnceEachGetTheirOwnId() throws Exception {
        int threads = 200;
        AtomicInteger ids = new AtomicInteger(1000);
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(ids.incrementAndGet())));
                // The default pool: 64 connections for 200 threads, the others wait their turn.
                BatchClient client = clientFor(server)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> started = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    BatchTaskInfo info = BatchTaskInfo.named("Task" + i).build();
                    started.add(pool.submit(() -> {
                        go.await();
                        return client.startBatchJob(info);
                    }));
                }
                go.countDown();
                Set<Integer> distinct = new HashSet<>();
                for (Future<Integer> f : started) {
                    distinct.add(f.get(HANG.toSeconds(), TimeUnit.SECONDS));
                }

                assertThat(distinct).hasSize(threads).allSatisfy(id -> assertThat(id).isBetween(1001, 1000 + threads));
                assertThat(server.receivedCount(BatchOperation.START_BATCH_JOB)).isEqualTo(threads);
                assertThat(server.acceptedConnections()).as("connections of the default pool").isBetween(1, 64);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
