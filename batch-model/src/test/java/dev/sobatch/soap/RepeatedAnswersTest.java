package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.IntResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A StartBatchJob answer that repeats the previous one but for the id is not parsed again, and yet decodes to
 * exactly what the parser makes of it: the byte-array decode (which may take the shortcut) is compared with
 * the stream decode (which never does) over thousands of altered answers.
 */
class RepeatedAnswersTest {
    private static final BatchOperation OP = BatchOperation.START_BATCH_JOB;
    /** The text of a {@code Response} element, prefixed or not. */
    private static final Pattern RESPONSE_TEXT = Pattern.compile("[<:]Response(?: [^>]*)?>([^<]*)<");

    @Test
    void anAnswerThatRepeatsButForTheIdIsMatchedAndDecodesToItsOwnId() {
        RepeatedAnswers repeated = new RepeatedAnswers(SoapCodec.DEFAULT_MAX_INPUT_BYTES);
        SoapCodec codec = SoapCodec.defaults();
        byte[] first = answer(SoapVersion.SOAP_11, ResponseHeaders.success(), 4711);
        assertThat(repeated.match(OP, first)).as("nothing kept yet").isNull();
        repeated.offer(OP, first, codec.decodeResponse(OP, new ByteArrayInputStream(first)), parser(codec));

        for (int id : new int[] {4712, 0, 7, 123456789, 4711}) {
            SoapResponse r = repeated.match(OP, answer(SoapVersion.SOAP_11, ResponseHeaders.success(), id));
            assertThat(r).as("id %d", id).isNotNull();
            assertThat(r.payload(IntResponse.class)).isEqualTo(IntResponse.of(id));
            assertThat(r.headers()).isEqualTo(ResponseHeaders.success());
            assertThat(r.version()).isEqualTo(SoapVersion.SOAP_11);
        }
        assertThat(repeated.match(OP, answer(SoapVersion.SOAP_11, ResponseHeaders.success(), 1234567890)))
                .as("ten digits may overflow: parsed").isNull();
        assertThat(repeated.match(OP, answer(SoapVersion.SOAP_12, ResponseHeaders.success(), 4711)))
                .as("another envelope").isNull();
    }

    @Test
    void failuresFaultsAndNegativeIdsAreNeverKept() {
        SoapCodec codec = SoapCodec.defaults();
        List<byte[]> bodies = List.of(
                answer(SoapVersion.SOAP_11,
                        ResponseHeaders.failure(SoExceptionInfo.builder().message("no").build()), 5),
                answer(SoapVersion.SOAP_11, ResponseHeaders.of(Boolean.FALSE, null, null, null), 5),
                answer(SoapVersion.SOAP_11, ResponseHeaders.success(), -5),
                TestData.fixture("fault-soap11.xml"));
        for (byte[] body : bodies) {
            RepeatedAnswers repeated = new RepeatedAnswers(SoapCodec.DEFAULT_MAX_INPUT_BYTES);
            repeated.offer(OP, body, codec.decodeResponse(OP, new ByteArrayInputStream(body)), parser(codec));
            assertThat(repeated.match(OP, body)).as(TestData.utf8(body)).isNull();
        }
    }

    @Test
    void aNewShapeOfAnswerIsLearnedAfterTheKeptOneStoppedMatching() {
        RepeatedAnswers repeated = new RepeatedAnswers(SoapCodec.DEFAULT_MAX_INPUT_BYTES);
        SoapCodec codec = SoapCodec.defaults();
        byte[] plain = answer(SoapVersion.SOAP_11, ResponseHeaders.success(), 1);
        byte[] wcf = TestData.fixture("wcf-soap11-success-response.xml");
        repeated.offer(OP, plain, codec.decodeResponse(OP, new ByteArrayInputStream(plain)), parser(codec));
        SoapResponse wcfDecoded = codec.decodeResponse(OP, new ByteArrayInputStream(wcf));

        for (int i = 0; i < 16; i++) {
            assertThat(repeated.match(OP, wcf)).isNull();
            repeated.offer(OP, wcf, wcfDecoded, parser(codec));
        }
        SoapResponse r = repeated.match(OP, wcf);
        assertThat(r).as("learned after 16 misses").isNotNull();
        assertThat(r.headers()).isEqualTo(wcfDecoded.headers()); // its TimeZone header included
        assertThat(r.payload(IntResponse.class)).isEqualTo(IntResponse.of(4711));
    }

    @Test
    void theSizeLimitStillApplies() {
        byte[] first = answer(SoapVersion.SOAP_11, ResponseHeaders.success(), 1);
        SoapCodec codec = SoapCodec.withMaxInputBytes(first.length + 2);
        codec.decodeResponse(OP, first);
        codec.decodeResponse(OP, first);
        assertThatThrownBy(() -> codec.decodeResponse(OP, answer(SoapVersion.SOAP_11, ResponseHeaders.success(), 1000)))
                .isInstanceOfSatisfying(SoapDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(SoapDecodingException.Reason.TOO_LARGE));
    }

    @Test
    void everyAlteredAnswerDecodesAsTheParserDecodesIt() {
        Random random = new Random(20261130);
        List<byte[]> bases = List.of(answer(SoapVersion.SOAP_11, ResponseHeaders.success(), 4711),
                answer(SoapVersion.SOAP_12, ResponseHeaders.success(), 4711),
                TestData.fixture("wcf-soap11-success-response.xml"),
                TestData.fixture("vendor-start-batch-job-response-soap12.xml"));
        int matched = 0;
        for (byte[] base : bases) {
            String text = new String(base, StandardCharsets.UTF_8);
            SoapCodec codec = SoapCodec.withMaxInputBytes(base.length + 6);
            SoapCodec reference = SoapCodec.withMaxInputBytes(base.length + 6);
            for (int round = 0; round < 1500; round++) {
                byte[] body = round % 3 == 0 ? base : alter(text, random);
                matched += codec.repeatsKeptAnswer(OP, body) ? 1 : 0;
                Outcome fast = Outcome.of(() -> codec.decodeResponse(OP, body));
                Outcome parsed = Outcome.of(() -> reference.decodeResponse(OP, new ByteArrayInputStream(body)));
                assertThat(fast).as("round %d: %s", round, new String(body, StandardCharsets.UTF_8)).isEqualTo(parsed);
            }
        }
        assertThat(matched).as("answers taken by the shortcut").isGreaterThan(1000);
    }

    /** The answer with one change: another id, other digits or text around it, a flipped or inserted byte, ... */
    private static byte[] alter(String text, Random random) {
        Matcher m = RESPONSE_TEXT.matcher(text);
        int open = -1;
        int close = -1;
        while (m.find()) {
            open = m.start(1);
            close = m.end(1);
        }
        String value = text.substring(open, close);
        String[] values = {"0", "12", "999999999", "1000000000", "2147483647", "2147483648", "99999999999", "",
                " 4711", "4711 ", "-4711", "+4711", "47a1", "4,711", "0004711", "&#52;711", "4711<!---->"};
        String changed;
        switch (random.nextInt(7)) {
            case 0, 1 -> changed = text.substring(0, open)
                    + random.nextInt(Integer.MAX_VALUE) / (1 << random.nextInt(31)) + text.substring(close);
            case 2 -> changed = text.substring(0, open) + values[random.nextInt(values.length)] + text.substring(close);
            case 3 -> changed = text.replace(">true<", ">false<");
            case 4 -> {
                char[] c = text.toCharArray();
                int i = random.nextInt(c.length);
                c[i] = (char) (random.nextBoolean() ? c[i] ^ (1 << random.nextInt(7))
                        : "0123456789<>/ ".charAt(random.nextInt(14)));
                changed = new String(c);
            }
            case 5 -> {
                int i = random.nextInt(text.length() + 1);
                changed = text.substring(0, i) + "0123456789<> \"".charAt(random.nextInt(14)) + text.substring(i);
            }
            default -> changed = text.substring(0, random.nextInt(text.length()));
        }
        return (changed.equals(text) ? text.substring(0, open) + value + "1" + text.substring(close) : changed)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] answer(SoapVersion version, ResponseHeaders headers, int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SoapCodec.defaults().encodeResponse(version, OP, headers, IntResponse.of(id), out);
        return out.toByteArray();
    }

    private static Function<byte[], SoapResponse> parser(SoapCodec codec) {
        return body -> codec.decodeResponse(OP, new ByteArrayInputStream(body));
    }

    /** What a decode came to: the response's parts, or the reason it was refused. */
    private record Outcome(String refused, SoapVersion version, ResponseHeaders headers, Object payload,
            SoapFault fault) {
        static Outcome of(java.util.function.Supplier<SoapResponse> decode) {
            try {
                SoapResponse r = decode.get();
                return new Outcome(null, r.version(), r.headers(), r.isFault() ? null : r.payload(Object.class),
                        r.fault().orElse(null));
            } catch (SoapDecodingException e) {
                return new Outcome(e.reason().name(), null, null, null, null);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && Objects.equals(refused, x.refused) && version == x.version
                    && Objects.equals(headers, x.headers) && Objects.equals(payload, x.payload)
                    && Objects.equals(fault, x.fault);
        }

        @Override
        public int hashCode() {
            return Objects.hash(refused, version, headers, payload, fault);
        }
    }
}
