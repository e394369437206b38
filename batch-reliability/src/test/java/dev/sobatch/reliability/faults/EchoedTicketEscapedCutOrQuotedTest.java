package dev.sobatch.reliability.faults;

import static dev.sobatch.reliability.faults.EchoedRequestPages.call;
import static dev.sobatch.reliability.faults.EchoedRequestPages.echo;
import static dev.sobatch.reliability.faults.EchoedRequestPages.fragmentsIn;
import static dev.sobatch.reliability.faults.EchoedRequestPages.htmlEscape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.client.RetryPolicy;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reliability.support.SecretScan;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * Error pages that echo the request in forms the element patterns alone once missed: HTML-escaped markup, a
 * raw echo whose excerpt window ends inside {@code </Ticket>}, and a ticket (or password) quoted as plain
 * text. The ticket and password stay out of {@code bodyExcerpt()}, {@code getMessage()} and the wire log.
 * These were known bugs (docs/RELIABILITY.md, "Fixed"). Each case uses its own secret, so a leak here
 * cannot fail the log checks of other tests.
 */
class EchoedTicketEscapedCutOrQuotedTest {

    @Test
    void htmlEscapedEchoOfTheRequestKeepsTheTicketOutOfExcerptMessageAndWireLog() {
        String ticket = "7T:EchoEscapedTicketQw27Hp==";
        BatchTransportException e = call(echo(body -> "<html><body><h2>Server Error</h2><p>Request:</p><pre>"
                + htmlEscape(body) + "</pre></body></html>"), ticket);
        assertThat(e.bodyExcerpt()).as("precondition: the excerpt shows the echoed envelope").contains("Ticket");
        assertThat(fragmentsIn(e.bodyExcerpt(), ticket)).as("ticket in bodyExcerpt(): " + e.bodyExcerpt()).isEmpty();
        assertThat(fragmentsIn(e.getMessage(), ticket)).as("ticket in getMessage()").isEmpty();
        assertThat(fragmentsIn(SecretScan.log(), ticket)).as("ticket in the wire log").isEmpty();
    }

    /**
     * A raw echo after an indented page head (whitespace that the excerpt collapses), placed so that the
     * first 2,048 bytes end {@code cut} characters into the {@code </Ticket>} end tag (where the client's
     * excerpt window once ended, and the element was then neither complete nor an unclosed tail).
     */
    @ParameterizedTest(name = "window ends {0} characters into </Ticket>")
    @ValueSource(ints = {1, 2, 5, 8})
    void rawEchoCutInsideTheTicketEndTagKeepsTheTicketOutOfTheExcerpt(int cut) {
        String ticket = "7T:EchoCutTicket" + cut + "Vb93Nc==";
        String[] pageAndBody = new String[1];
        BatchTransportException e = call(echo(body -> {
            String head = "<html><body><pre>";
            int end = body.indexOf("</Ticket>") + cut;
            String padding = "\n" + " ".repeat(Math.max(0, 2048 - head.length() - end - 1));
            pageAndBody[0] = head + padding + body;
            return pageAndBody[0];
        }), ticket);
        assertThat(pageAndBody[0].substring(0, 2048)).as("precondition: the window ends inside </Ticket>")
                .endsWith("</Ticket>".substring(0, cut));
        assertThat(fragmentsIn(e.bodyExcerpt(), ticket)).as("ticket in bodyExcerpt(): " + e.bodyExcerpt()).isEmpty();
        assertThat(fragmentsIn(e.getMessage(), ticket)).as("ticket in getMessage()").isEmpty();
    }

    @Test
    void ticketQuotedAsPlainTextOnAnErrorPageIsBlanked() {
        // Redactor's Javadoc promised "NetServer ticket look-alikes in free text" before it had such a rule
        String ticket = "7T:EchoPlainTicketRt55Yu==";
        BatchTransportException e = call(echo(body -> "<html><body><h2>Invalid ticket</h2><p>The ticket "
                + body.substring(body.indexOf("<Ticket>") + 8, body.indexOf("</Ticket>"))
                + " has expired.</p></body></html>"), ticket);
        assertThat(e.bodyExcerpt()).contains("has expired");
        assertThat(fragmentsIn(e.bodyExcerpt() + e.getMessage(), ticket)).as("ticket in the exception").isEmpty();
        assertThat(fragmentsIn(SecretScan.log(), ticket)).as("ticket in the wire log").isEmpty();
    }

    /**
     * The login's error page echoes the AuthenticateUsernamePassword request HTML-escaped (the password XML-
     * escaped, then escaped again) and quotes the password as text: neither form reaches the exception or the
     * wire log.
     */
    @Test
    void htmlEscapedEchoOfTheLoginKeepsThePasswordOutOfExceptionAndWireLog() {
        String password = "Pw-EchoLoginQx<&>7w";
        Throwable error;
        try (FaultServer server = FaultServer.start(echo(body -> "<html><body><p>Password " + htmlEscape(password)
                + " rejected</p><pre>" + htmlEscape(body) + "</pre></body></html>"));
                ReactiveBatchClient client = ReactiveBatchClient.builder().endpoint(server.batchUrl())
                        .credentials("ada.lovelace", password).applicationToken(EchoedRequestPages.APP_TOKEN)
                        .retryPolicy(RetryPolicy.none()).deadline(Duration.ofSeconds(5)).wireLogging(true).build()) {
            error = client.getBatchTaskInfo(7).then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
                    .block(Duration.ofSeconds(10));
            assertThat(server.requests("AuthenticateUsernamePassword")).as("the login was sent").isEqualTo(1);
        }
        assertThat(error).isInstanceOf(BatchTransportException.class);
        BatchTransportException e = (BatchTransportException) error;
        assertThat(e.bodyExcerpt()).as("the quoted password is blanked in the excerpt")
                .contains("Password *** rejected").contains("AuthenticateUsernamePassword");
        if (SecretScan.logFile() != null) {
            assertThat(SecretScan.log()).as("the echoed password element is logged blanked")
                    .contains("&lt;Password&gt;***&lt;/Password&gt;");
        }
        String secretPart = "Pw-EchoLoginQx";
        assertThat(fragmentsIn(SecretScan.describe(e), secretPart)).as("password in the exception").isEmpty();
        assertThat(fragmentsIn(SecretScan.log(), secretPart)).as("password in the wire log").isEmpty();
    }
}
