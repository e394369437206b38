package dev.sobatch.reactive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks secrets in SOAP text before it is logged or quoted in an exception: the contents of
 * {@code Ticket}, {@code ApplicationToken} and {@code Password} elements (any prefix), and NetServer ticket
 * look-alikes in free text.
 */
final class Redactor {
    private static final Pattern SECRET_ELEMENT = Pattern.compile(
            "(<(?:[\\w.-]+:)?(Ticket|ApplicationToken|Password)\\b[^>]*(?<!/)>)(.*?)(</(?:[\\w.-]+:)?\\2\\s*>)",
            Pattern.DOTALL);
    /** An unclosed secret element at the end of a truncated excerpt. */
    private static final Pattern SECRET_TAIL = Pattern.compile(
            "(<(?:[\\w.-]+:)?(?:Ticket|ApplicationToken|Password)\\b[^>]*(?<!/)>)[^<]*$");

    private Redactor() {
    }

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = SECRET_ELEMENT.matcher(text);
        String result = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***" + r.group(4)));
        return SECRET_TAIL.matcher(result).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***"));
    }
}
