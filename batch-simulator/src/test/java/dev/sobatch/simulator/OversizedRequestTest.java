package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoapVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A body over the limit gets its 413 even while the client is still sending: the simulator reads and
 * drops the rest of the body before it answers and closes, so the close resets nothing.
 */
class OversizedRequestTest {
    @RegisterExtension
    static final BatchSimulatorExtension EXT = new BatchSimulatorExtension();

    /** Only a hang gets near it. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int MIB = 1 << 20;
    private static final String START_ACTION = "\"" + BatchOperation.START_BATCH_JOB.action() + "\"";

    private static ConnectionProvider pool;
    private static HttpClient http;

    @BeforeAll
    static void client() {
        pool = ConnectionProvider.builder("oversized-requests").maxConnections(2).build();
        http = HttpClient.create(pool).responseTimeout(BOUND)
                .headers(h -> h.set("Content-Type", "text/xml; charset=utf-8").set("SOAPAction", START_ACTION));
    }

    @AfterAll
    static void disposeClient() {
        pool.disposeLater().block(BOUND);
    }

    @BeforeEach
    void forgetRequests() {
        EXT.simulator().clearRequests();
    }

    @RepeatedTest(20)
    void mebibyteBodyWithContentLengthGets413() {
        byte[] body = oversizedStartRequest();
        assertThat(EXT.simulator().config().maxRequestBytes()).isEqualTo(SimulatorConfig.DEFAULT_MAX_REQUEST_BYTES);

        assertThat(post(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))).isEqualTo(413);
        assertRefusedAfterReadingItAll();
    }

    @RepeatedTest(20)
    void mebibyteChunkedBodyGets413() {
        byte[] body = oversizedStartRequest();
        Flux<ByteBuf> chunks = Flux.range(0, (body.length + 8191) / 8192)
                .map(i -> Unpooled.wrappedBuffer(body, i * 8192, Math.min(8192, body.length - i * 8192)));

        assertThat(post(chunks)).isEqualTo(413);
        assertRefusedAfterReadingItAll();
    }

    @Test
    void declaredOversizedBodyAwaitingContinueGets413WithoutBeingSent() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), EXT.simulator().port())) {
            socket.setSoTimeout((int) BOUND.toMillis());
            String head = "POST " + EXT.simulator().batchServiceUrl().getPath() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: " + START_ACTION
                    + "\r\nContent-Length: " + (2 * MIB) + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // the client sends no body: the answer comes at once, and the connection ends with it
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
        }
        assertThat(EXT.simulator().requests()).singleElement()
                .satisfies(rec -> assertThat(rec.error()).isEqualTo("HTTP 413, body not read to its end"));
        assertStillStartsJobs();
    }

    /** Answers the status; fails the test when the exchange fails (e.g. a reset instead of the answer). */
    private static int post(Publisher<ByteBuf> body) {
        Integer status = http.post().uri(EXT.simulator().batchServiceUrl()).send(body)
                .responseSingle((res, content) -> content.then(Mono.just(res.status().code())))
                .block(BOUND);
        assertThat(status).as("an answer").isNotNull();
        return status;
    }

    private static void assertRefusedAfterReadingItAll() {
        assertThat(EXT.simulator().requests()).singleElement()
                .satisfies(rec -> assertThat(rec.error()).isEqualTo("HTTP 413"));
        assertThat(EXT.simulator().requestCount("StartBatchJob")).isZero();
        assertStillStartsJobs();
    }

    private static void assertStillStartsJobs() {
        int id = new SoapHttp(EXT.simulator()).ok(BatchOperation.START_BATCH_JOB,
                StartBatchJob.of(BatchTaskInfo.named("Export").build()), IntResponse.class).value();
        assertThat(id).isPositive();
    }

    /** A valid StartBatchJob envelope padded with a comment to just over 1 MiB. */
    private static byte[] oversizedStartRequest() {
        byte[] valid = SoapHttp.CODEC.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB,
                RequestHeaders.of(EXT.simulator().applicationToken(), EXT.simulator().ticket()),
                StartBatchJob.of(BatchTaskInfo.named("Export").build()));
        char[] pad = new char[MIB];
        Arrays.fill(pad, 'x');
        byte[] body = new String(valid, StandardCharsets.UTF_8)
                .replace("<s:Body>", "<s:Body><!--" + new String(pad) + "-->").getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).as("precondition: padded").isGreaterThan(MIB);
        return body;
    }
}
