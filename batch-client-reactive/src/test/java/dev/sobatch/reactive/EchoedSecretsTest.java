package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchResponseException;
import dev.sobatch.client.BatchServiceException;
import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapFault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Error pages and service errors (SOAP Faults, ExceptionInfo) that quote the ticket and application token
 * this client sent, also in forms the element patterns alone would miss: HTML-escaped markup, plain text.
 * Over loopback HTTP, with the wire log at DEBUG.
 */
class EchoedSecretsTest {
    private static final String TICKET = "7T:EchoedSecretTicketWq81==";
    private static final String TOKEN = "AppTok-EchoedSecret-77ab";

    private record Outcome(Throwable error, String log) {
    }

    private static Outcome call(Answer answer) {
        // slf4j-simple prints dev.sobatch.wire at DEBUG to System.err (simplelogger.properties), captured here
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Throwable error;
        try (TestServer server = TestServer.start()) {
            server.then(answer);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ReactiveBatchClient c = ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket(TICKET)
                    .applicationToken(TOKEN).retryPolicy(RetryPolicy.none()).wireLogging(true).build()) {
                error = c.getBatchTaskInfo(7).then(reactor.core.publisher.Mono.<Throwable>empty())
                        .onErrorResume(reactor.core.publisher.Mono::just).block(Duration.ofSeconds(10));
            }
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(server.last().body()).contains(TICKET).contains(TOKEN);
        } finally {
            System.setErr(original);
        }
        return new Outcome(error, captured.toString(StandardCharsets.UTF_8));
    }

    private static void assertHidden(String text) {
        assertThat(text).doesNotContain("EchoedSecretTicket").doesNotContain(TOKEN);
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void anHtmlEscapedEchoOfTheHeadersIsBlankedInExcerptMessageAndWireLog() {
        Outcome o = call(Answer.html(500, "<pre>" + escaped("<s:Header><ApplicationToken>" + TOKEN
                + "</ApplicationToken><Ticket>" + TICKET + "</Ticket></s:Header>") + "</pre>"));
        BatchTransportException e = (BatchTransportException) o.error();
        assertThat(e.bodyExcerpt()).contains("&lt;Ticket&gt;***&lt;/Ticket&gt;");
        assertHidden(e.bodyExcerpt());
        assertHidden(e.getMessage());
        assertThat(o.log()).contains("<< GetBatchTaskInfo").contains("&lt;Ticket&gt;***");
        assertHidden(o.log());
    }

    @Test
    void aTicketAndTokenQuotedAsPlainTextAreBlanked() {
        Outcome o = call(Answer.html(500, "<p>The ticket " + TICKET + " has expired; token " + TOKEN + " refused.</p>"));
        BatchTransportException e = (BatchTransportException) o.error();
        assertThat(e.bodyExcerpt()).contains("has expired").contains("refused");
        assertHidden(e.bodyExcerpt() + e.getMessage());
        assertHidden(o.log());
    }

    @Test
    void aTokenQuotedOnANonSoapSuccessPageIsBlankedInTheResponseException() {
        Outcome o = call(Answer.raw(200, "text/html", "<p>Sign in again (token " + TOKEN + ")</p>"));
        assertThat(o.error()).isInstanceOf(BatchResponseException.class);
        assertThat(o.error().getMessage()).contains("Sign in again (token ***)");
        assertHidden(o.log());
    }

    @Test
    void aSoapFaultQuotingTheTicketReachesTheCallerWithTheTicketBlanked() {
        Outcome o = call(Answer.fault(500, SoapFault.server("Job 7 is locked by session " + TICKET + " and token " + TOKEN,
                "at Lock(" + TICKET + ")")));
        BatchServiceException e = (BatchServiceException) o.error();
        assertThat(e.serviceMessage()).contains("is locked by session").contains("and token");
        assertHidden(e.getMessage() + e.serviceMessage() + e.fault().orElseThrow().detail());
        assertHidden(o.log());
    }

    @Test
    void anExceptionInfoQuotingTheTicketAnywhereReachesTheCallerWithTheTicketBlanked() {
        SoExceptionInfo inner = SoExceptionInfo.builder().message("lookup of " + TICKET + " failed").build();
        SoExceptionInfo info = SoExceptionInfo.builder().exceptionType("SoLockedException")
                .message("Job locked by " + TICKET).friendlyText("Your session (" + TICKET + ") has ended")
                .stackTrace("at Check(\"" + TOKEN + "\")").innerException(inner)
                .parameters(java.util.Map.of("ticket", TICKET)).build();
        Outcome o = call(Answer.withHeaders(ResponseHeaders.failure(info), BatchTaskInfoResponse.of(null)));
        BatchServiceException e = (BatchServiceException) o.error();
        SoExceptionInfo seen = e.exceptionInfo().orElseThrow();
        assertThat(seen.exceptionType()).isEqualTo("SoLockedException");
        assertThat(seen.friendlyText()).startsWith("Your session (");
        assertHidden(e.getMessage() + seen.message() + seen.friendlyText() + seen.stackTrace()
                + seen.innerException().message() + seen.parameters());
        assertHidden(o.log());
    }
}
