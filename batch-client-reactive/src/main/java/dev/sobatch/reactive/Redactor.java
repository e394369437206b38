package dev.sobatch.reactive;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoapFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks secrets in SOAP text before it is logged or quoted in an exception: the contents of
 * {@code Ticket}, {@code ApplicationToken} and {@code Password} elements (any prefix), also when the markup
 * is escaped ({@code &lt;Ticket&gt;…&lt;/Ticket&gt;}, as an HTML error page echoing the request shows it);
 * an element left unclosed, to the end of the text; NetServer ticket look-alikes ({@code 7T:…}) in free text;
 * and, given the {@link Sent} values of the exchange, every occurrence of the ticket, application token and
 * password the client sent, raw or XML/HTML-escaped.
 *
 * <p>Only error excerpts and DEBUG wire logging call this: never the success path.
 */
final class Redactor {
    static final String MASK = "***";

    // '<' and '>' literal, entity-escaped (also escaped twice, as an HTML page echoing escaped XML shows them)
    // or as character references
    private static final String LT = "(?:<|&(?:amp;)*lt;|&#0*60;|&#[xX]0*3[cC];)";
    private static final String GT = "(?:>|&(?:amp;)*gt;|&#0*62;|&#[xX]0*3[eE];)";
    private static final String PREFIX = "(?:[\\w.-]+:)?";

    /**
     * A secret start tag (not self-closing), then either its content up to the matching end tag (group 3),
     * or, when there is no end tag (a truncated window, a broken page), everything to the end of the text.
     */
    private static final Pattern SECRET_ELEMENT = Pattern.compile(
            // the look-ahead first: a cheap test that fails at most positions before the alternatives run
            "(?=[<&])(" + LT + PREFIX + "(Ticket|ApplicationToken|Password)\\b(?:(?!" + GT + ")[^<>])*?(?<!/)" + GT + ")"
                    + "(?:.*?(" + LT + "/" + PREFIX + "\\2\\s*" + GT + ")|.*)",
            Pattern.DOTALL);

    /** A NetServer ticket quoted in free text ("The ticket 7T:dgBl… has expired"). */
    private static final Pattern TICKET_LIKE = Pattern.compile("7T:(?<![A-Za-z0-9+/]7T:)[A-Za-z0-9+/=_.:-]{6,}");

    /** Known secrets shorter than this are not searched for in free text: they would blank ordinary words. */
    static final int MIN_KNOWN_LENGTH = 4;
    /** A cut-off start of a known secret at the end of a truncated window is blanked from this length on. */
    private static final int MIN_PARTIAL_LENGTH = 3;

    private Redactor() {
    }

    /** {@code text} with secret elements and ticket look-alikes blanked. */
    static String redact(String text) {
        return redact(text, Sent.NONE, false);
    }

    /**
     * {@code text} with secret elements, ticket look-alikes and the values in {@code sent} blanked.
     * {@code truncated}: the text is the start of something longer, so a known value cut off at its end is
     * blanked too.
     */
    static String redact(String text, Sent sent, boolean truncated) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> forms = sent.forms();
        String result = text;
        for (String form : forms) {
            result = result.replace(form, MASK);
        }
        // the regular expressions only where they can match: most error pages name no secret element
        if (result.contains("Ticket") || result.contains("ApplicationToken") || result.contains("Password")) {
            result = SECRET_ELEMENT.matcher(result).replaceAll(Redactor::blankElement);
        }
        if (result.contains("7T:")) {
            result = TICKET_LIKE.matcher(result).replaceAll("7T:" + MASK);
        }
        return truncated ? blankPartialTail(result, forms) : result;
    }

    /**
     * What the service wrote about an error, with the secrets this exchange sent (and secret elements, ticket
     * look-alikes) blanked in every text of it, inner exceptions and parameters included: a service that
     * quotes the ticket it refused must not put it into an exception message or a log line here.
     */
    static SoExceptionInfo redact(SoExceptionInfo info, Sent sent) {
        if (info == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        info.parameters().forEach((k, v) -> parameters.put(redact(k, sent, false), redact(v, sent, false)));
        return info.toBuilder()
                .message(redact(info.message(), sent, false))
                .friendlyText(redact(info.friendlyText(), sent, false))
                .stackTrace(redact(info.stackTrace(), sent, false))
                .exceptionType(redact(info.exceptionType(), sent, false))
                .source(redact(info.source(), sent, false))
                .innerException(redact(info.innerException(), sent))
                .parameters(parameters)
                .build();
    }

    /** A SOAP Fault with the secrets blanked in its reason and detail, as for {@link #redact(SoExceptionInfo, Sent)}. */
    static SoapFault redact(SoapFault fault, Sent sent) {
        return SoapFault.of(fault.codeText(), redact(fault.reason(), sent, false), redact(fault.detail(), sent, false));
    }

    private static String blankElement(java.util.regex.MatchResult m) {
        String end = m.group(3);
        return Matcher.quoteReplacement(m.group(1) + MASK + (end == null ? "" : end));
    }

    /** Blanks the longest start of a known value that the text ends with (the window cut the value). */
    private static String blankPartialTail(String text, List<String> forms) {
        String t = text;
        while (!t.isEmpty() && t.charAt(t.length() - 1) == '\uFFFD') {
            t = t.substring(0, t.length() - 1); // a multi-byte character cut by the byte window
        }
        int longest = 0;
        for (String form : forms) {
            for (int k = Math.min(form.length() - 1, t.length()); k >= MIN_PARTIAL_LENGTH && k > longest; k--) {
                if (t.regionMatches(t.length() - k, form, 0, k)) {
                    longest = k;
                    break;
                }
            }
        }
        return longest == 0 ? text : t.substring(0, t.length() - longest) + MASK;
    }

    /**
     * The ticket, application token and password one exchange sent. Holds references only; the forms to
     * search for are computed when something is redacted.
     */
    static final class Sent {
        static final Sent NONE = new Sent(null, null, null);

        private final String ticket;
        private final String applicationToken;
        private final String password;

        private Sent(String ticket, String applicationToken, String password) {
            this.ticket = ticket;
            this.applicationToken = applicationToken;
            this.password = password;
        }

        static Sent of(String ticket, String applicationToken, String password) {
            return new Sent(ticket, applicationToken, password);
        }

        /** What a request with these headers and this payload carries. */
        static Sent of(RequestHeaders headers, Object payload) {
            String password = payload instanceof AuthenticateUsernamePassword a ? a.password() : null;
            return headers == null ? of(null, null, password)
                    : of(headers.ticket(), headers.applicationToken(), password);
        }

        /** Each value as sent, XML-escaped and escaped twice (HTML echo of the XML); longest first. */
        List<String> forms() {
            if (ticket == null && applicationToken == null && password == null) {
                return List.of();
            }
            Set<String> forms = new LinkedHashSet<>();
            for (String value : new String[] {ticket, applicationToken, password}) {
                if (value == null || value.length() < MIN_KNOWN_LENGTH) {
                    continue;
                }
                forms.add(value);
                for (String once : escapes(value)) {
                    forms.add(once);
                    forms.addAll(escapes(once));
                }
            }
            List<String> sorted = new ArrayList<>(forms);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            return sorted;
        }

        private static List<String> escapes(String s) {
            String base = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return List.of(base,
                    base.replace("\"", "&quot;").replace("'", "&apos;"),
                    base.replace("\"", "&#34;").replace("'", "&#39;"));
        }

        @Override
        public String toString() {
            return "Sent[***]";
        }
    }
}
