package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Classifier#excerpt}: redaction happens before the window is collapsed and cut. */
class ExcerptRedactionTest {
    private static final String TICKET = "7T:ExcerptTicketRv73Kd==";
    private static final String TOKEN = "AppTok-Excerpt-0c1d";
    private static final Redactor.Sent SENT = Redactor.Sent.of(TICKET, TOKEN, null);

    private static String excerpt(String body, Redactor.Sent sent) {
        return Classifier.excerpt(body.getBytes(StandardCharsets.UTF_8), sent);
    }

    /** An indented page whose byte window ends {@code cut} characters into {@code </Ticket>}. */
    private static String pageCutInsideTheEndTag(int cut) {
        String echo = "<s:Envelope><s:Header><Ticket>" + TICKET + "</Ticket></s:Header></s:Envelope>";
        int end = echo.indexOf("</Ticket>") + cut;
        String head = "<html><body><pre>\n" + " ".repeat(Classifier.EXCERPT_BYTES - 18 - end);
        String page = head + echo + "</pre></body></html>";
        assertThat(page.substring(0, Classifier.EXCERPT_BYTES)).endsWith("</Ticket>".substring(0, cut));
        return page;
    }

    @ParameterizedTest(name = "window ends {0} characters into </Ticket>")
    @ValueSource(ints = {1, 2, 5, 8})
    void aWindowCutInsideTheTicketEndTagShowsNoTicket(int cut) {
        String page = pageCutInsideTheEndTag(cut);
        assertThat(excerpt(page, Redactor.Sent.NONE)).contains("<Ticket>***").doesNotContain("ExcerptTicket");
        assertThat(excerpt(page, SENT)).doesNotContain("ExcerptTicket");
    }

    @Test
    void aWindowCutInsideAQuotedTicketShowsNoPartOfIt() {
        String text = "The ticket " + TICKET + " has expired";
        int cutAt = text.indexOf("Rv73");
        String page = "<p>" + " ".repeat(Classifier.EXCERPT_BYTES - 3 - cutAt) + text;
        assertThat(excerpt(page, SENT)).isEqualTo("<p> The ticket 7T:***");
    }

    @Test
    void anHtmlEscapedEchoShowsNeitherTicketNorToken() {
        String page = "<html><body><h2>Server Error</h2><pre>&lt;s:Envelope&gt;&lt;s:Header&gt;"
                + "&lt;ApplicationToken&gt;" + TOKEN + "&lt;/ApplicationToken&gt;&lt;Ticket&gt;" + TICKET
                + "&lt;/Ticket&gt;&lt;/s:Header&gt;</pre></body></html>";
        String shown = excerpt(page, Redactor.Sent.NONE);
        assertThat(shown).contains("Server Error").contains("&lt;Ticket&gt;***&lt;/Ticket&gt;")
                .doesNotContain("ExcerptTicket").doesNotContain(TOKEN);
    }

    @Test
    void aSentValueQuotedWithoutMarkupIsBlanked() {
        assertThat(excerpt("<p>token " + TOKEN + " is not registered</p>", SENT))
                .isEqualTo("<p>token *** is not registered</p>");
    }

    @Test
    void theExcerptIsOneLineOfAtMost512Characters() {
        String shown = excerpt("<p>\n\n" + "word ".repeat(2000) + "</p>", Redactor.Sent.NONE);
        assertThat(shown).doesNotContain("\n").hasSize(Classifier.EXCERPT_CHARS + 1).endsWith("…");
    }
}
