package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WireLoggingTest {
    @Test
    void wireLoggingShowsTheExchangeWithSecretsRedacted() {
        // slf4j-simple reads its configuration once; the wire logger is configured at DEBUG in
        // simplelogger.properties and prints to System.err, captured here.
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer server = TestServer.start()) {
            server.then(Answer.ok(IntResponse.of(3)));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                    .ticket("7T:TICKET-SECRET").applicationToken("TOKEN-SECRET").wireLogging(true).build()) {
                c.startBatchJob(BatchTaskInfo.named("Export").build()).block(Duration.ofSeconds(10));
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("dev.sobatch.wire").contains(">> StartBatchJob POST /Remote/Services88/Batch.svc")
                .contains("<< StartBatchJob /Remote/Services88/Batch.svc 200").contains("<Ticket>***</Ticket>")
                .contains("SOAPAction").contains("StartBatchJobResponse")
                .doesNotContain("TICKET-SECRET").doesNotContain("TOKEN-SECRET");
    }
}
