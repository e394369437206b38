package dev.sobatch.soap;

import dev.sobatch.model.message.IntResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Successful answers whose payload is one integer (StartBatchJob's new id) repeat: the service sends the same
 * envelope, headers and namespace declarations included, for every call of the operation, but for that
 * number. The last such answer of each operation is kept; a body equal to it byte for byte outside the
 * number's digits is answered from it without parsing the XML again, which is most of the CPU a client spends
 * on a StartBatchJob beyond the transport's (docs/BENCHMARKS.md). Any other body is parsed as usual.
 *
 * <p>Why the shortcut answers exactly what the parser would: an answer is kept only after the parser decoded
 * it, and only when its integer is a run of at most nine digits forming a whole text node ({@code >4711<})
 * whose value is the payload's; that this run is the payload's text is then confirmed by parsing a copy with
 * one digit changed, which must decode to the changed number and nothing else different. A body that matches
 * differs from the kept one only inside that text node, and only by digits: its markup, headers and every
 * other text are the same bytes, so the parser would decode the same headers and, as the payload, the
 * digits' value (nine digits never overflow an int).
 */
final class RepeatedAnswers {
    private static final int MAX_DIGITS = 9;
    /** After this many bodies in a row that did not match, the next parsed answer replaces the kept one. */
    private static final int MISSES_BEFORE_RELEARNING = 16;

    private final Map<SoapOperation, Kept> kept = new ConcurrentHashMap<>();
    private final long maxInputBytes;

    RepeatedAnswers(long maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
    }

    /** Whether answers of this operation may be kept: those whose payload is a single int. */
    static boolean applies(SoapOperation operation) {
        return operation.responseType() == IntResponse.class;
    }

    /** The answer {@code body} holds when it repeats the kept answer of {@code operation}; otherwise null. */
    SoapResponse match(SoapOperation operation, byte[] body) {
        Kept k = kept.get(operation);
        if (k == null || body.length > maxInputBytes) {
            return null;
        }
        SoapResponse r = k.match(body);
        if (r == null) {
            k.misses.incrementAndGet();
        } else {
            k.misses.set(0);
        }
        return r;
    }

    /** Whether {@link #match} would answer {@code body} from the kept answer (for tests; changes nothing). */
    boolean keeps(SoapOperation operation, byte[] body) {
        Kept k = kept.get(operation);
        return k != null && body.length <= maxInputBytes && k.match(body) != null;
    }

    /**
     * Called with an answer the parser decoded (after {@link #match} declined it): keeps it when there is
     * nothing kept yet for the operation, or the kept answer stopped matching; {@code parser} decodes the
     * check copy.
     */
    void offer(SoapOperation operation, byte[] body, SoapResponse decoded, Function<byte[], SoapResponse> parser) {
        Kept old = kept.get(operation);
        if (old != null && old.misses.get() < MISSES_BEFORE_RELEARNING) {
            return;
        }
        Kept k = learn(body, decoded, parser);
        // when the answer cannot be kept, nothing matches for a while: learning is tried once per so many answers
        kept.put(operation, k != null ? k : Kept.nothing());
    }

    private static Kept learn(byte[] body, SoapResponse decoded, Function<byte[], SoapResponse> parser) {
        Integer value = decoded.isFault() || decoded.headers().reportsFailure() ? null
                : decoded.payload(IntResponse.class).value();
        if (value == null || value < 0) {
            return null;
        }
        int end = body.length;
        int start;
        do { // the last whole-text-node digit run: the payload closes the body, after the headers
            end = lastIndexOf(body, (byte) '<', end - 1);
            start = end;
            while (start > 0 && isDigit(body[start - 1])) {
                start--;
            }
        } while (end > 0 && (start == end || start == 0 || body[start - 1] != '>'));
        if (end <= 0 || end - start > MAX_DIGITS || digits(body, start, end) != value) {
            return null;
        }
        byte[] copy = body.clone();
        copy[end - 1] = (byte) (copy[end - 1] == '9' ? '8' : copy[end - 1] + 1);
        SoapResponse check;
        try {
            check = parser.apply(copy);
        } catch (RuntimeException e) {
            return null;
        }
        if (check.isFault() || check.version() != decoded.version() || !check.headers().equals(decoded.headers())
                || !IntResponse.of(digits(copy, start, end)).equals(check.payload(IntResponse.class))) {
            return null;
        }
        return new Kept(body.clone(), start, end, decoded); // a copy: the caller may reuse its array
    }

    private static int lastIndexOf(byte[] body, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int digits(byte[] body, int start, int end) {
        int v = 0;
        for (int i = start; i < end; i++) {
            v = v * 10 + (body[i] - '0');
        }
        return v;
    }

    /**
     * A kept answer: its bytes, where its digits are ({@code start} to {@code end}), what it decoded to, and how
     * many answers in a row it did not match.
     */
    private static final class Kept {
        final byte[] body;
        final int start;
        final int end;
        final SoapResponse decoded;
        final AtomicInteger misses = new AtomicInteger();

        Kept(byte[] body, int start, int end, SoapResponse decoded) {
            this.body = body;
            this.start = start;
            this.end = end;
            this.decoded = decoded;
        }

        /** Matches no answer: what is kept while the last answer could not be. */
        static Kept nothing() {
            return new Kept(null, 0, 0, null);
        }

        SoapResponse match(byte[] other) {
            if (body == null) {
                return null;
            }
            int otherEnd = end + other.length - body.length;
            if (otherEnd <= start || otherEnd - start > MAX_DIGITS
                    || !Arrays.equals(other, 0, start, body, 0, start)
                    || !Arrays.equals(other, otherEnd, other.length, body, end, body.length)) {
                return null;
            }
            for (int i = start; i < otherEnd; i++) {
                if (!isDigit(other[i])) {
                    return null;
                }
            }
            IntResponse id = IntResponse.of(digits(other, start, otherEnd));
            return new SoapResponse(decoded.version(), decoded.headers(), id, null);
        }
    }
}
