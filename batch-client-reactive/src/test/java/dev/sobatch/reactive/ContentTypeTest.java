package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which response content types the client hands to the SOAP decoder. */
class ContentTypeTest {

    @Test
    void xmlMediaTypesAreReadIgnoringCaseParametersAndSurroundingSpace() {
        for (String ct : new String[] {"text/xml", "text/xml; charset=utf-8", " TEXT/XML ;charset=utf-8",
                "application/soap+xml; charset=utf-8; action=\"x\"", "Application/XML", "\ttext/xml\t", null}) {
            assertThat(Classifier.isXml(ct)).as(String.valueOf(ct)).isTrue();
        }
    }

    @Test
    void otherMediaTypesAreNotXml() {
        for (String ct : new String[] {"text/html; charset=utf-8", "text/xmlx", "text/xm", "application/json", "",
                ";text/xml", "text/plain; a=text/xml", "xml"}) {
            assertThat(Classifier.isXml(ct)).as(ct).isFalse();
        }
    }
}
