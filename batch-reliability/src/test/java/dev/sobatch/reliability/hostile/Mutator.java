package dev.sobatch.reliability.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random edits, each of a named kind, for the stacked-mutation properties. */
final class Mutator {
    enum Kind {
        TRUNCATE, FLIP_BYTE, INSERT_BYTES, DELETE_RANGE, DELETE_ELEMENT, DUPLICATE_ELEMENT, MOVE_ELEMENT,
        WRONG_VALUE, RENAME_ELEMENT, ADD_ATTRIBUTE, NEST, INSERT_MARKUP, SWAP_NAMESPACE
    }

    /** Values that do not fit where they land: wrong types, extremes, markup fragments, control chars. */
    static final List<String> WRONG_VALUES = List.of("", " ", "abc", "-1", "2147483648", "-2147483649",
            "99999999999999999999999", "1e10", "NaN", "0x10", "true", "maybe", "2025-13-45T25:61:61Z", "Started ",
            "Bogus", "<x/>", "<x>", "</x>", "&amp;", "&lt;&gt;", "&#0;", "&#xFFFF;", "&unknown;", "<![CDATA[x]]>",
            "\u0000", "\u0001", "\uFFFE", "\uD800", "𝄞", "\t\n\r", "]]>", "<!-- c -->", "<?pi x?>",
            "<i:nil xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"/>");

    static final List<String> ATTRIBUTES = List.of("i:nil=\"true\"",
            "xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" i:nil=\"true\"",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xsd:int\"",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Nope:Bogus\"",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"\"", "xmlns=\"\"",
            "xmlns=\"urn:other\"", "a=\"1\" a=\"2\"", "x=\"<\"", "xmlns:s=\"urn:rebound\"");

    static final List<String> MARKUP = List.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "<!ENTITY e \"x\">", "&e;", "<?xml version=\"1.0\"?>", "<![CDATA[", "<!--", "-->", "<", ">", "&",
            "</s:Body>", "<s:Body>", "</s:Envelope>", "<s:Header/>", "\u0000", "\uFEFF", "<a xmlns:p=\"\"><p:b/></a>");

    private Mutator() {
    }

    static byte[] apply(Kind kind, byte[] input, Random r) {
        String xml = new String(input, StandardCharsets.UTF_8);
        int n = Math.max(1, input.length);
        switch (kind) {
            case TRUNCATE:
                return Arrays.copyOf(input, r.nextInt(n));
            case FLIP_BYTE: {
                byte[] b = input.clone();
                if (b.length > 0) {
                    int i = r.nextInt(b.length);
                    b[i] = (byte) (b[i] ^ (1 + r.nextInt(255)));
                }
                return b;
            }
            case INSERT_BYTES: {
                byte[] extra = new byte[1 + r.nextInt(16)];
                r.nextBytes(extra);
                int at = r.nextInt(input.length + 1);
                byte[] b = new byte[input.length + extra.length];
                System.arraycopy(input, 0, b, 0, at);
                System.arraycopy(extra, 0, b, at, extra.length);
                System.arraycopy(input, at, b, at + extra.length, input.length - at);
                return b;
            }
            case DELETE_RANGE: {
                int from = r.nextInt(n);
                int to = Math.min(input.length, from + 1 + r.nextInt(64));
                byte[] b = new byte[input.length - Math.max(0, to - from)];
                System.arraycopy(input, 0, b, 0, Math.min(from, input.length));
                if (to > from) {
                    System.arraycopy(input, to, b, from, input.length - to);
                }
                return b;
            }
            case DELETE_ELEMENT:
                return bytes(XmlSurgery.delete(xml, r.nextInt(1000)));
            case DUPLICATE_ELEMENT:
                return bytes(XmlSurgery.duplicate(xml, r.nextInt(1000), 1 + r.nextInt(3)));
            case MOVE_ELEMENT:
                return bytes(XmlSurgery.move(xml, r.nextInt(1000), r.nextInt(1000)));
            case WRONG_VALUE:
                return bytes(XmlSurgery.replaceContent(xml, r.nextInt(1000),
                        WRONG_VALUES.get(r.nextInt(WRONG_VALUES.size()))));
            case RENAME_ELEMENT:
                return bytes(XmlSurgery.rename(xml, r.nextInt(1000),
                        List.of("Fault", "Body", "Header", "Envelope", "Response", "Id", "X", "StartBatchJobResponse",
                                "GetBatchTaskInfoResponse", "BatchTaskInfo").get(r.nextInt(10))));
            case ADD_ATTRIBUTE:
                return bytes(XmlSurgery.addAttribute(xml, r.nextInt(1000), ATTRIBUTES.get(r.nextInt(ATTRIBUTES.size()))));
            case NEST:
                return bytes(XmlSurgery.nest(xml, r.nextInt(1000), 1 + r.nextInt(r.nextBoolean() ? 120 : 3000)));
            case INSERT_MARKUP: {
                int at = r.nextInt(xml.length() + 1);
                return bytes(xml.substring(0, at) + MARKUP.get(r.nextInt(MARKUP.size())) + xml.substring(at));
            }
            case SWAP_NAMESPACE:
                return bytes(xml.replace(List.of("http://schemas.xmlsoap.org/soap/envelope/",
                        "http://www.w3.org/2003/05/soap-envelope", "http://www.superoffice.net/ws/crm/NetServer/Services88")
                        .get(r.nextInt(3)), List.of("http://www.w3.org/2003/05/soap-envelope",
                        "http://schemas.xmlsoap.org/soap/envelope/", "urn:wrong", "").get(r.nextInt(4))));
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
