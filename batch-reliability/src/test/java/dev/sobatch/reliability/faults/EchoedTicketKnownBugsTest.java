package dev.sobatch.reliability.faults;

import static dev.sobatch.reliability.faults.EchoedRequestPages.call;
import static dev.sobatch.reliability.faults.EchoedRequestPages.echo;
import static dev.sobatch.reliability.faults.EchoedRequestPages.fragmentsIn;
import static dev.sobatch.reliability.faults.EchoedRequestPages.htmlEscape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.reliability.support.SecretScan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error pages whose echo of the request the client's {@code Redactor} does not recognise, so the ticket
 * reaches {@code bodyExcerpt()}, {@code getMessage()} and the wire log. These fail until
 * batch-client-reactive fixes them (see docs/RELIABILITY.md, known issues), so they carry the tag
 * {@code known-bug}, which the default build leaves out; run them with {@code -Pknown-bugs}. Each case uses
 * its own ticket, so a leak here cannot fail the log checks of other tests.
 */
@Tag("known-bug")
class EchoedTicketKnownBugsTest {

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
     * client's 2,048-byte excerpt window ends {@code cut} characters into the {@code </Ticket>} end tag: the
     * element is then neither complete nor an unclosed tail, and the Redactor leaves it alone.
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
        // Redactor's Javadoc promises "NetServer ticket look-alikes in free text"; it has no such rule
        String ticket = "7T:EchoPlainTicketRt55Yu==";
        BatchTransportException e = call(echo(body -> "<html><body><h2>Invalid ticket</h2><p>The ticket "
                + body.substring(body.indexOf("<Ticket>") + 8, body.indexOf("</Ticket>"))
                + " has expired.</p></body></html>"), ticket);
        assertThat(e.bodyExcerpt()).contains("has expired");
        assertThat(fragmentsIn(e.bodyExcerpt() + e.getMessage(), ticket)).as("ticket in the exception").isEmpty();
        assertThat(fragmentsIn(SecretScan.log(), ticket)).as("ticket in the wire log").isEmpty();
    }
}
