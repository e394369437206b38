package dev.sobatch.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.blocking.SoapTestServer.Reply;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import dev.sobatch.soap.SoapVersion;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchClientLifecycleTest {

    @Test
    void closingAViewOfAReactiveClientLeavesTheReactiveClientAndItsConnectionsAlone() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(31)));
                ReactiveBatchClient reactive = ReactiveBatchClient.builder().endpoint(server.batchServiceUrl())
                        .ticket(SoapTestServer.TICKET).build()) {
            BatchClient view = BatchClient.of(reactive);
            assertThat(view.reactive()).isSameAs(reactive);
            assertThat(view.startBatchJob(BatchTaskInfo.named("A").build())).isEqualTo(31);

            view.close();

            assertThat(reactive.startBatchJob(BatchTaskInfo.named("B").build()).block(Duration.ofSeconds(15)))
                    .isEqualTo(31);
            assertThat(BatchClient.of(reactive).startBatchJob(BatchTaskInfo.named("C").build())).isEqualTo(31);
            assertThat(server.received()).hasSize(3);
            // A call returns as its response arrives, a moment before its connection is back in the pool, so the
            // next call may open a second one; what matters is that closing the view closed none of them.
            assertThat(server.acceptedConnections()).isBetween(1, 3);
            assertThat(server.openConnections()).as("connections still open").isEqualTo(server.acceptedConnections());
        }
    }

    @Test
    void closingABuiltClientClosesTheReactiveClientItBuiltAndItsConnections() throws InterruptedException {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(31)))) {
            BatchClient client = BatchClient.builder().endpoint(server.batchServiceUrl())
                    .ticket(SoapTestServer.TICKET).build();
            assertThat(client.startBatchJob(BatchTaskInfo.named("A").build())).isEqualTo(31);
            assertThat(server.openConnections()).isEqualTo(1);

            client.close();

            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (server.openConnections() > 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(server.openConnections()).as("connections open after close()").isZero();
        }
    }

    @Test
    void theBlockingBuilderOffersEveryOptionOfTheReactiveBuilder() {
        for (Method option : ReactiveBatchClientBuilder.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(option.getModifiers()) || Modifier.isStatic(option.getModifiers())
                    || option.getName().equals("build")) {
                continue;
            }
            Method forwarded = Arrays.stream(BatchClientBuilder.class.getMethods())
                    .filter(m -> m.getName().equals(option.getName())
                            && Arrays.equals(m.getParameterTypes(), option.getParameterTypes()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("BatchClientBuilder lacks " + option));
            assertThat(forwarded.getReturnType()).as(forwarded.toString()).isEqualTo(BatchClientBuilder.class);
        }
    }

    @Test
    void builderOptionsReachTheWire() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(5)));
                BatchClient client = BatchClient.builder()
                        .endpoint(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .ticket(SoapTestServer.TICKET)
                        .applicationToken("app-token-secret")
                        .soapVersion(SoapVersion.SOAP_12)
                        .build()) {
            assertThat(client.endpoint()).isEqualTo(server.batchServiceUrl());
            assertThat(client.startBatchJob(BatchTaskInfo.named("A").build())).isEqualTo(5);

            assertThat(server.received()).singleElement().satisfies(r -> {
                assertThat(r.request().version()).isEqualTo(SoapVersion.SOAP_12);
                assertThat(r.contentType()).startsWith("application/soap+xml");
                assertThat(r.request().headers().applicationToken()).isEqualTo("app-token-secret");
            });
            assertThat(client.toString()).doesNotContain(SoapTestServer.TICKET).doesNotContain("app-token-secret");
        }
    }

    @Test
    void maxIdleTimeIsForwardedSoAnIdleConnectionIsReplaced() throws InterruptedException {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(5)));
                BatchClient client = BatchClient.builder().endpoint(server.batchServiceUrl())
                        .ticket(SoapTestServer.TICKET).maxIdleTime(Duration.ofMillis(150)).build()) {
            client.startBatchJob(BatchTaskInfo.named("A").build());
            Thread.sleep(400);
            client.startBatchJob(BatchTaskInfo.named("B").build());

            assertThat(server.acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    void pendingAcquireMaxCountIsForwardedSoCallersBeyondTheQueueAreRefused() throws Exception {
        int callers = 4;
        try (SoapTestServer server = SoapTestServer.answering(
                        () -> Reply.delayed(Duration.ofMillis(800), Reply.ok(IntResponse.of(5))));
                BatchClient client = BatchClient.builder().endpoint(server.batchServiceUrl())
                        .ticket(SoapTestServer.TICKET).maxConnections(1).pendingAcquireMaxCount(1)
                        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(1).build()).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(callers);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    calls.add(threads.submit(() -> {
                        go.await();
                        return client.startBatchJob(BatchTaskInfo.named("A").build());
                    }));
                }
                go.countDown();
                int refused = 0;
                for (Future<Integer> call : calls) {
                    try {
                        call.get(20, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(BatchTransportException.class);
                        refused++;
                    }
                }
                // one connection and one waiting place: of four callers arriving together, some are turned away
                assertThat(refused).isBetween(1, callers - 1);
                assertThat(server.receivedCount(dev.sobatch.soap.BatchOperation.START_BATCH_JOB))
                        .isEqualTo(callers - refused);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void buildingForSuperOfficeOnlineWithoutAnApplicationTokenFailsLikeTheReactiveBuilder() {
        assertThatThrownBy(() -> BatchClient.builder().endpoint("https://online.superoffice.com/Cust1/")
                .ticket("t").build())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("application token");
    }

    @Test
    void configureReactiveAppliesToTheClientThatIsBuilt() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(9)));
                BatchClient client = BatchClient.builder()
                        .configureReactive(b -> b.endpoint(server.batchServiceUrl()).ticket(SoapTestServer.TICKET))
                        .build()) {
            assertThat(client.startBatchJob(BatchTaskInfo.named("A").build())).isEqualTo(9);
        }
    }
}
