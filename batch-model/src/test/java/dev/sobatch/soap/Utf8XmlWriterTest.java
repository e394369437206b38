package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * Text and attribute values survive the writer whatever they hold and wherever they fall in its 1 KiB
 * buffer: the ASCII fast path hands over to the escaping, multi-byte and buffer-draining path mid-string.
 */
class Utf8XmlWriterTest {
    private static final String ALPHABET = "abcXYZ019 <&>\"'\t\n;=/æøå日本\uD83D\uDE00";

    @Test
    void randomTextAndAttributesReadBackAsWritten() throws Exception {
        Random random = new Random(20261130);
        for (int round = 0; round < 400; round++) {
            String padding = "p".repeat(random.nextInt(1100)); // moves the value across the buffer's end
            String value = randomText(random, random.nextInt(round % 10 == 0 ? 3000 : 60));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8XmlWriter w = new Utf8XmlWriter(out);
            w.writeStartElement("", "r", "urn:x");
            w.writeDefaultNamespace("urn:x");
            String attribute = value.replace('\t', ' ').replace('\n', ' '); // a parser normalises those in attributes
            w.writeAttribute("a", attribute);
            w.writeCharacters(padding);
            w.writeStartElement("", "v", "urn:x");
            w.writeCharacters(value);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();

            XMLStreamReader r = XmlFactories.INPUT.createXMLStreamReader(new ByteArrayInputStream(out.toByteArray()));
            r.nextTag();
            assertThat(r.getAttributeValue(null, "a")).as("attribute, round %d", round).isEqualTo(attribute);
            StringBuilder text = new StringBuilder();
            while (r.next() != XMLStreamReader.START_ELEMENT) {
                text.append(r.getText());
            }
            assertThat(text.toString()).isEqualTo(padding);
            assertThat(r.getElementText()).as("text, round %d", round).isEqualTo(value);
        }
    }

    @Test
    void preEncodedMarkupClosesTheOpenStartTagAndLandsWhereverTheBufferEnds() throws Exception {
        for (int padding = 0; padding < 1100; padding += 7) {
            byte[] big = ("<big>" + "b".repeat(padding * 2) + "</big>").getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8XmlWriter w = new Utf8XmlWriter(out);
            w.writeStartElement("", "r", "");
            w.writeAttribute("a", "1");
            w.writeMarkup("<p>".getBytes(StandardCharsets.US_ASCII));
            w.writeCharacters("p".repeat(padding));
            w.writeMarkup("</p>".getBytes(StandardCharsets.US_ASCII));
            w.writeMarkup(big);
            w.writeEndElement();
            w.flush();

            assertThat(out.toString(StandardCharsets.UTF_8)).as("padding %d", padding)
                    .isEqualTo("<r a=\"1\"><p>" + "p".repeat(padding) + "</p>" + new String(big,
                            StandardCharsets.US_ASCII) + "</r>");
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int i = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(i);
            sb.append(Character.isHighSurrogate(c) ? ALPHABET.substring(i, i + 2)
                    : Character.isLowSurrogate(c) ? "q" : String.valueOf(c));
        }
        return sb.toString();
    }
}
