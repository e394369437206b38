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
}
