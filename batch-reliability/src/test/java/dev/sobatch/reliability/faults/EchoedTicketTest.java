package dev.sobatch.reliability.faults;

import static dev.sobatch.reliability.faults.EchoedRequestPages.call;
import static dev.sobatch.reliability.faults.EchoedRequestPages.echo;
import static dev.sobatch.reliability.faults.EchoedRequestPages.fragmentsIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.client.BatchTransportException;
import dev.sobatch.reliability.support.SecretScan;
import org.junit.jupiter.api.Test;

/**
 * An HTTP 500 HTML page that echoes the raw request (markup intact) near its top: the Redactor blanks the
 * {@code Ticket} and {@code ApplicationToken} elements in the excerpt, the message and the wire log.
 * Escaped, cut and quoted echoes are in {@link EchoedTicketEscapedCutOrQuotedTest}.
 */
class EchoedTicketTest {
    private static final String TICKET = "7T:EchoRawTicketZx81Lm40==";

    @Test
    void rawEchoOfTheRequestKeepsTheTicketOutOfExcerptMessageAndWireLog() {
        BatchTransportException e = call(echo(body -> "<html><head><title>Runtime Error</title></head><body><pre>"
                + body + "</pre></body></html>"), TICKET);
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.bodyExcerpt()).as("the excerpt shows the echoed envelope").contains("Envelope")
                .contains("Ticket>***<");
        assertThat(fragmentsIn(e.bodyExcerpt(), TICKET)).as("ticket in bodyExcerpt()").isEmpty();
        assertThat(fragmentsIn(SecretScan.describe(e), TICKET)).as("ticket in the exception").isEmpty();
        assertThat(fragmentsIn(e.bodyExcerpt() + e.getMessage(), EchoedRequestPages.APP_TOKEN)).as("token").isEmpty();
        String log = SecretScan.log();
        if (SecretScan.logFile() != null) {
            assertThat(log).contains("<< GetBatchTaskInfo");
        }
        assertThat(fragmentsIn(log, TICKET)).as("ticket in the wire log").isEmpty();
    }
}
