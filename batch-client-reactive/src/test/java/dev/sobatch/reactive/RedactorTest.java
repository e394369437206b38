package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void ticketTokenAndPasswordContentsAreReplaced() {
        String xml = "<s:Header><ApplicationToken xmlns=\"n\">tok-1</ApplicationToken><Credentials><Ticket>7T:abc</Ticket>"
                + "</Credentials></s:Header><s:Body><a:Password>pw&amp;1</a:Password><UserName>bob</UserName></s:Body>";
        String out = Redactor.redact(xml);
        assertThat(out).doesNotContain("tok-1").doesNotContain("7T:abc").doesNotContain("pw&amp;1")
                .contains("<ApplicationToken xmlns=\"n\">***</ApplicationToken>").contains("<Ticket>***</Ticket>")
                .contains("<a:Password>***</a:Password>").contains("<UserName>bob</UserName>");
    }

    @Test
    void aTruncatedSecretAtTheEndIsReplacedToo() {
        assertThat(Redactor.redact("<x><Ticket>7T:abcdef")).isEqualTo("<x><Ticket>***");
    }

    @Test
    void selfClosingAndNilElementsAreLeftAlone() {
        assertThat(Redactor.redact("<Ticket/><Password i:nil=\"true\"/>")).isEqualTo("<Ticket/><Password i:nil=\"true\"/>");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        assertThat(Redactor.redact("<Name>Ticketing</Name>")).isEqualTo("<Name>Ticketing</Name>");
        assertThat(Redactor.redact(null)).isNull();
    }

    @Test
    void htmlEscapedSecretElementsAreReplaced() {
        String page = "<pre>&lt;s:Header&gt;&lt;h:ApplicationToken xmlns:h=&quot;n&quot;&gt;tok-1&lt;/h:ApplicationToken&gt;"
                + "&lt;Ticket&gt;7T:abc&lt;/Ticket&gt;&lt;/s:Header&gt;&lt;Password&gt;pw&amp;amp;1&lt;/Password&gt;"
                + "&lt;UserName&gt;bob&lt;/UserName&gt;</pre>";
        assertThat(Redactor.redact(page)).doesNotContain("tok-1").doesNotContain("7T:abc").doesNotContain("pw&amp;amp;1")
                .contains("&lt;Ticket&gt;***&lt;/Ticket&gt;").contains("&lt;UserName&gt;bob&lt;/UserName&gt;");
    }

    @Test
    void doublyEscapedAndCharacterReferenceFormsAreReplaced() {
        assertThat(Redactor.redact("&amp;lt;Ticket&amp;gt;7T:abc&amp;lt;/Ticket&amp;gt;"))
                .isEqualTo("&amp;lt;Ticket&amp;gt;***&amp;lt;/Ticket&amp;gt;");
        assertThat(Redactor.redact("&#60;Password&#62;secret1&#60;/Password&#62; &#x3C;Ticket&#x3e;7T:abc&#x3c;/Ticket&#x3E;"))
                .doesNotContain("secret1").doesNotContain("7T:abc");
    }

    @Test
    void anEscapedSelfClosingElementIsLeftAlone() {
        assertThat(Redactor.redact("&lt;Ticket/&gt; and &lt;Password i:nil=&quot;true&quot; /&gt; stay"))
                .isEqualTo("&lt;Ticket/&gt; and &lt;Password i:nil=&quot;true&quot; /&gt; stay");
    }

    @Test
    void anEndTagCutAtAnyCharacterStillHidesTheSecret() {
        for (String end : new String[] {"</Ticket>", "&lt;/Ticket&gt;", "</a:Ticket >"}) {
            for (int cut = 0; cut < end.length(); cut++) {
                String start = end.startsWith("&") ? "&lt;Ticket&gt;" : end.contains("a:") ? "<a:Ticket>" : "<Ticket>";
                String text = "<p>" + start + "7T:CutSecretValue" + end.substring(0, cut);
                assertThat(Redactor.redact(text)).as(text).doesNotContain("CutSecret").isEqualTo("<p>" + start + "***");
            }
        }
    }

    @Test
    void anUnclosedSecretElementIsBlankedToTheEndEvenWhenMarkupFollows() {
        assertThat(Redactor.redact("<a><Password>pw-1<b>more</b>")).isEqualTo("<a><Password>***");
    }

    @Test
    void aTicketQuotedInFreeTextIsBlanked() {
        assertThat(Redactor.redact("The ticket 7T:dgBlAHMAdAA=.x has expired."))
                .isEqualTo("The ticket 7T:*** has expired.");
        assertThat(Redactor.redact("ticket=7T:Zm9vYmFyYmF6")).isEqualTo("ticket=7T:***");
    }

    @Test
    void shortOrEmbeddedSevenTTextIsNotATicket() {
        assertThat(Redactor.redact("Step 7T:ab, model X7T:abcdefgh")).isEqualTo("Step 7T:ab, model X7T:abcdefgh");
    }

    @Test
    void theValuesSentAreBlankedAnywhereRawOrEscaped() {
        String password = "p<w&\"d'1";
        Redactor.Sent sent = Redactor.Sent.of("7T:SentTicket42", "AppTok-Sent-9", password);
        String text = "ticket SentTicket42? no: 7T:SentTicket42; token AppTok-Sent-9 in <X>AppTok-Sent-9</X>; "
                + "pw " + password + " / p&lt;w&amp;&quot;d&apos;1 / p&lt;w&amp;&#34;d&#39;1 / p&amp;lt;w&amp;amp;\"d'1 "
                + "/ p&amp;lt;w&amp;amp;&amp;quot;d&amp;apos;1";
        String out = Redactor.redact(text, sent, false);
        assertThat(out).doesNotContain("7T:SentTicket42").doesNotContain("AppTok-Sent-9").doesNotContain(password)
                .doesNotContain("p&lt;w").doesNotContain("p&amp;lt;w").contains("<X>***</X>")
                .contains("ticket SentTicket42? no: ***;");
    }

    @Test
    void aSentValueCutOffAtTheEndOfATruncatedWindowIsBlanked() {
        Redactor.Sent sent = Redactor.Sent.of(null, "AppTok-Sent-9", null);
        assertThat(Redactor.redact("the token was AppTok-Se", sent, true)).isEqualTo("the token was ***");
        assertThat(Redactor.redact("the token was AppTok-Se", sent, false)).isEqualTo("the token was AppTok-Se");
        assertThat(Redactor.redact("the token was AppTok-Se\uFFFD", sent, true)).isEqualTo("the token was ***");
    }

    @Test
    void sentValuesShorterThanFourCharactersAreOnlyBlankedInTheirElements() {
        Redactor.Sent sent = Redactor.Sent.of(null, null, "abc");
        assertThat(Redactor.redact("abcdef <Password>abc</Password>", sent, true)).isEqualTo("abcdef <Password>***</Password>");
    }

    @Test
    void theSentValuesAreNotInTheirToString() {
        assertThat(Redactor.Sent.of("7T:SentTicket42", "AppTok-Sent-9", "pw-secret").toString())
                .doesNotContain("SentTicket42").doesNotContain("AppTok").doesNotContain("pw-secret");
    }

    @Test
    void sentValuesComeFromTheHeadersAndTheLoginPayload() {
        Redactor.Sent sent = Redactor.Sent.of(dev.sobatch.soap.RequestHeaders.of("AppTok-Sent-9", "7T:SentTicket42"),
                dev.sobatch.model.message.AuthenticateUsernamePassword.of("bob", "pw-secret"));
        assertThat(Redactor.redact("AppTok-Sent-9 7T:SentTicket42 pw-secret bob", sent, false))
                .isEqualTo("*** *** *** bob");
    }
}
