package dev.sobatch.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.AuthenticateUsernamePassword;
import dev.sobatch.model.message.DeleteBatchTasks;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.reliability.support.Guards;
import dev.sobatch.reliability.support.SecretScan;
import dev.sobatch.simulator.BatchSimulator;
import dev.sobatch.simulator.SimulatorConfig;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.SoPrincipalOperation;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapDecodingException;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapOperation;
import dev.sobatch.soap.SoapRequest;
import dev.sobatch.soap.SoapResponse;
import dev.sobatch.soap.SoapVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Hostile requests over HTTP to one {@link BatchSimulator}: valid envelopes of nine operations (both SOAP
 * versions, SoPrincipal's login included) mutated, truncated, padded, nested, replaced by random bytes, or
 * sent with the wrong method, path, content type or SOAPAction. Every request must get an answer within
 * {@link #BOUND}: the documented 404/405/413/415, a SOAP client fault (HTTP 500 in SOAP 1.1, 400 in 1.2) or
 * an HTTP 200 answer of the operation the body names. Never a Server fault (the simulator's "internal
 * error" answer to an exception), a closed connection or a hang; no error answer repeats a secret the
 * request carried; and a valid StartBatchJob sent after each case still gets an id.
 */
class SimulatorHttpPropertiesTest {
    /** Far above any loopback answer (milliseconds); only a hang or a lost request gets near it. */
    static final Duration BOUND = Duration.ofSeconds(10);
    static final int MAX_REQUEST_BYTES = SimulatorConfig.DEFAULT_MAX_REQUEST_BYTES;
    static final String PASSWORD = "Pa55-HostileHttp!";
    static final String BATCH_PATH = "/Remote/Services88/Batch.svc";
    static final String SO_PRINCIPAL_PATH = "/Remote/Services88/SoPrincipal.svc";

    /** The simulator's own limit: a request this codec cannot decode, the simulator cannot either. */
    private static final SoapCodec CODEC = SoapCodec.withMaxInputBytes(MAX_REQUEST_BYTES);
    /** Answers (query results) may be larger than requests. */
    private static final SoapCodec ANSWERS = SoapCodec.defaults();
    private static final List<Req> SEEDS = seeds();

    private static BatchSimulator simulator;
    private static ConnectionProvider pool;
    private static HttpClient http;

    /** A valid request: its operation, SOAP version and bytes. */
    record Req(String label, SoapOperation operation, SoapVersion version, byte[] body) {
        String path() {
            return operation instanceof BatchOperation ? BATCH_PATH : SO_PRINCIPAL_PATH;
        }

        Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", version.contentType(operation));
            version.soapActionHeader(operation).ifPresent(a -> h.put("SOAPAction", a));
            return h;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What came back. */
    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The simulator knows "ada" with the seeds' password, so an intact login succeeds and issues a ticket. */
    @BeforeContainer
    static void startSimulator() {
        Guards.install();
        simulator = BatchSimulator.start(SimulatorConfig.builder().port(0).ticket(Envelopes.TICKET)
                .online(Envelopes.APP_TOKEN).user("ada", PASSWORD).manualClock().capacity(100_000)
                .maxRecordedRequests(1_000).build());
        pool = ConnectionProvider.builder("hostile-http").maxConnections(4).build();
        http = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + simulator.port()).responseTimeout(BOUND);
    }

    @AfterContainer
    static void stopSimulatorAndCheckGuards() {
        try {
            simulator.close();
            pool.disposeLater().block(BOUND);
        } finally {
            assertThat(Guards.blockingCalls()).as("blocking calls on event loops").isEmpty();
            assertThat(Guards.collectLeaks()).as("Netty ByteBuf leaks").isEmpty();
            assertThat(SecretScan.log()).as("simulator log: an exception escaped an operation")
                    .doesNotContain("failed in the simulator");
        }
    }

    private static List<Req> seeds() {
        RequestHeaders headers = RequestHeaders.of(Envelopes.APP_TOKEN, Envelopes.TICKET);
        List<Req> seeds = new ArrayList<>();
        for (SoapVersion v : SoapVersion.values()) {
            add(seeds, v, BatchOperation.START_BATCH_JOB, headers, StartBatchJob.of(Envelopes.richTask(0)));
            add(seeds, v, BatchOperation.GET_BATCH_TASK_INFO, headers, GetBatchTaskInfo.of(1));
            add(seeds, v, BatchOperation.STOP_BATCH_JOB, headers, StopBatchJob.of(1));
            add(seeds, v, BatchOperation.UPDATE_BATCH_TASK, headers, UpdateBatchTask.of(Envelopes.richTask(1)));
            add(seeds, v, BatchOperation.DELETE_BATCH_TASKS, headers, DeleteBatchTasks.of(ArrayOfint.of(5, 6, 7)));
            add(seeds, v, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, headers,
                    GetBatchTaskInfosByState.of(BatchTaskState.NEW));
            add(seeds, v, BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES, headers,
                    GetBatchTaskInfosByNameAndAssociates.of("ExportContacts", ArrayOfint.of(1, 7)));
            add(seeds, v, BatchOperation.GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE, headers,
                    GetSystemBatchTaskInfosByNameAndState.of("ExportContacts", BatchTaskState.ALL));
            add(seeds, v, SoPrincipalOperation.AUTHENTICATE_USERNAME_PASSWORD,
                    RequestHeaders.of(Envelopes.APP_TOKEN, null), AuthenticateUsernamePassword.of("ada", PASSWORD));
        }
        return List.copyOf(seeds);
    }

    private static void add(List<Req> seeds, SoapVersion v, SoapOperation op, RequestHeaders headers, Object payload) {
        seeds.add(new Req(op.operationName() + " " + v.label(), op, v, CODEC.encodeRequest(v, op, headers, payload)));
    }

    @Provide
    Arbitrary<Req> seedRequests() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.oneOf(Arbitraries.of(Mutator.WRONG_VALUES), Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.longs().map(String::valueOf));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("text/xml; charset=utf-8", "text/xml", "TEXT/XML;charset=UTF-8",
                "application/soap+xml; charset=utf-8", "application/soap+xml; charset=utf-8; action=\"urn:nope\"",
                "application/soap+xml", "text/xml; charset=utf-16", "text/xml; charset=bogus", "application/xml",
                "application/json", "text/html", "multipart/related; type=\"application/xop+xml\"", "", ";;;",
                "text/xml; action", "*/*"), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> soapActions() {
        return Arbitraries.oneOf(Arbitraries.of("", "\"\"", "\"http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/StartBatchJob\"",
                "http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/GetBatchTaskInfo",
                "http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/NoSuchOperation",
                "http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateUsernamePassword",
                "\"unbalanced", "urn:x"), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80));
    }

    @Property(tries = 900)
    void stackedMutationsOfValidRequestsAreAnsweredAndLeaveTheSimulatorWorking(@ForAll("seedRequests") Req seed,
            @ForAll long randomSeed, @ForAll @IntRange(min = 1, max = 4) int count, @ForAll boolean chunked) {
        Random r = new Random(randomSeed);
        byte[] b = seed.body();
        Mutator.Kind[] kinds = Mutator.Kind.values();
        for (int i = 0; i < count; i++) {
            b = Mutator.apply(kinds[r.nextInt(kinds.length)], b, r);
        }
        Answer a = collect(post(seed.path(), seed.headers(), b, chunked));
        assertSoapLevelAnswer(seed, b, a);
        assertStillWorks();
        Statistics.label("status").coverage(c -> {
            c.check(200).count(n -> n > 0);
            c.check(500).count(n -> n > 0);
        });
    }

    @Property(tries = 400)
    void deletedDuplicatedOrReorderedFieldsAreAnswered(@ForAll("seedRequests") Req seed,
            @ForAll @IntRange(min = 0, max = 2) int edit, @ForAll @IntRange(min = 0, max = 400) int index,
            @ForAll @IntRange(min = 0, max = 400) int target) {
        String xml = seed.text();
        String mutated = switch (edit) {
            case 0 -> XmlSurgery.delete(xml, index);
            case 1 -> XmlSurgery.duplicate(xml, index, 1 + target % 3);
            default -> XmlSurgery.move(xml, index, target);
        };
        byte[] b = mutated.getBytes(StandardCharsets.UTF_8);
        assertSoapLevelAnswer(seed, b, collect(post(seed.path(), seed.headers(), b, false)));
        assertStillWorks();
    }

    @Property(tries = 300)
    void valuesOfTheWrongTypeAreAnswered(@ForAll("seedRequests") Req seed,
            @ForAll @IntRange(min = 0, max = 400) int index, @ForAll("wrongValues") String value,
            @ForAll @IntRange(min = 0, max = 9) int attribute) {
        String xml = XmlSurgery.replaceContent(seed.text(), index, value);
        if (attribute % 2 == 0) {
            xml = XmlSurgery.addAttribute(xml, index + attribute, Mutator.ATTRIBUTES.get(attribute));
        }
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        assertSoapLevelAnswer(seed, b, collect(post(seed.path(), seed.headers(), b, false)));
        assertStillWorks();
    }

    @Property(tries = 200)
    void truncatedRequestsAreAnswered(@ForAll("seedRequests") Req seed,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fraction, @ForAll boolean chunked) {
        byte[] b = java.util.Arrays.copyOf(seed.body(), (int) (seed.body().length * fraction));
        Answer a = collect(post(seed.path(), seed.headers(), b, chunked));
        assertSoapLevelAnswer(seed, b, a);
        assertThat(a.status()).as("a truncated envelope is never executed").isNotEqualTo(200);
        assertStillWorks();
    }

    @Property(tries = 300)
    void randomBytesUnderAnyContentTypeAndActionAreRefused(@ForAll @Size(max = 4096) byte[] bytes,
            @ForAll("contentTypes") String contentType, @ForAll("soapActions") String action,
            @ForAll boolean toSoPrincipal) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("SOAPAction", action);
        Answer a = collect(post(toSoPrincipal ? SO_PRINCIPAL_PATH : BATCH_PATH, headers, bytes, false));
        if (SoapVersion.forContentType(contentType).isEmpty()) {
            assertThat(a.status()).as("not a SOAP content type").isEqualTo(415);
        } else {
            assertSoapLevelAnswer(null, bytes, a);
        }
        assertThat(a.status()).as("random bytes are never executed").isNotEqualTo(200);
        assertStillWorks();
    }

    @Property(tries = 60)
    void hugeStringsAndDeepNestingUpToTheLimitAreAnswered(@ForAll("seedRequests") Req seed,
            @ForAll @IntRange(min = 1, max = 60_000) int size, @ForAll @IntRange(min = 0, max = 400) int index,
            @ForAll @IntRange(min = 0, max = 3) int shape, @ForAll boolean chunked) {
        byte[] b = huge(seed, index, size, shape);
        assertThat(b.length).as("precondition: within the limit").isLessThanOrEqualTo(MAX_REQUEST_BYTES);
        assertSoapLevelAnswer(seed, b, collect(post(seed.path(), seed.headers(), b, chunked)));
        assertStillWorks();
    }

    /**
     * Regression test (docs/RELIABILITY.md, fixed): the simulator used to refuse such a body without reading
     * it and close the connection with unread bytes, so the kernel reset it and the client lost the 413
     * ("Connection prematurely closed BEFORE response"). It now drains the body before it answers.
     */
    @Property(tries = 50)
    void requestsOverTheLimitAlwaysGet413(@ForAll("seedRequests") Req seed,
            @ForAll @IntRange(min = MAX_REQUEST_BYTES, max = 4 * MAX_REQUEST_BYTES) int size,
            @ForAll @IntRange(min = 0, max = 400) int index, @ForAll @IntRange(min = 0, max = 2) int shape,
            @ForAll boolean chunked) {
        byte[] b = huge(seed, index, size, shape);
        assertThat(collect(post(seed.path(), seed.headers(), b, chunked)).status())
                .as("%d bytes over the %d byte limit", b.length, MAX_REQUEST_BYTES).isEqualTo(413);
        assertStillWorks();
    }

    private static byte[] huge(Req seed, int index, int size, int shape) {
        String xml = switch (shape) {
            case 0 -> XmlSurgery.replaceContent(seed.text(), index, "A".repeat(size));
            case 1 -> XmlSurgery.replaceContent(seed.text(), index, "&amp;".repeat(size / 5 + 1));
            case 2 -> XmlSurgery.replaceContent(seed.text(), index, "<x a=\"" + "b".repeat(size) + "\"/>");
            default -> XmlSurgery.nest(seed.text(), index, 1 + size / 10);
        };
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 200)
    void wrongMethodsPathsContentTypesAndActionsGetTheirHttpAnswer(@ForAll("seedRequests") Req seed,
            @ForAll @IntRange(min = 0, max = 9) int method, @ForAll @IntRange(min = 0, max = 7) int path,
            @ForAll("contentTypes") String contentType, @ForAll("soapActions") String action,
            @ForAll @IntRange(min = 0, max = 3) int keep) {
        String m = List.of("PUT", "GET", "DELETE", "PATCH").get(method % 4);
        m = method < 6 ? "POST" : m;
        String p = List.of(seed.path(), seed.path().toLowerCase(Locale.ROOT), "/Cust12345" + seed.path(),
                seed.path() + "?wsdl", "/", "/Remote/Services88/Nope.svc", "/Remote/Services88/Batch.svc/extra",
                "/Remote/Services88/").get(path);
        Map<String, String> headers = seed.headers();
        if ((keep & 1) == 0) {
            headers.put("Content-Type", contentType);
        }
        if ((keep & 2) == 0) {
            headers.put("SOAPAction", action);
        }
        Answer a = collect(post(m, p, headers, seed.body(), false));
        if (path >= 4) {
            assertThat(a.status()).as("unknown path %s", p).isEqualTo(404);
        } else if (!m.equals("POST")) {
            assertThat(a.status()).as("method %s", m).isEqualTo(405);
        } else if (SoapVersion.forContentType(headers.get("Content-Type")).isEmpty()) {
            assertThat(a.status()).as("content type %s", headers.get("Content-Type")).isEqualTo(415);
        } else {
            assertSoapLevelAnswer(seed, seed.body(), a);
        }
        assertStillWorks();
    }

    /**
     * A request that passed the HTTP checks: a SOAP client fault, or HTTP 200 with the answer of the operation
     * the body names (which then must have been decodable). Never a Server fault, and no error answer repeats
     * a secret.
     */
    private static void assertSoapLevelAnswer(Req seed, byte[] sent, Answer a) {
        SoapOperation named = operationOf(sent);
        String what = (seed == null ? "random bytes" : seed.label()) + " -> HTTP " + a.status() + " " + a.contentType()
                + " " + DecodeOutcome.show(a.body());
        if (sent.length > MAX_REQUEST_BYTES) {
            assertThat(a.status()).as(what).isEqualTo(413);
            return;
        }
        assertThat(a.status()).as(what).isIn(200, 400, 500);
        SoapResponse response;
        try {
            response = ANSWERS.decodeResponse(named == null ? BatchOperation.START_BATCH_JOB : named, a.body());
        } catch (SoapDecodingException e) {
            throw new AssertionError("answer is not SOAP (" + e.reason() + "): " + what, e);
        }
        if (a.status() == 200) {
            assertThat(named).as("HTTP 200 for a body the codec cannot read: " + what).isNotNull();
            assertThat(response.isFault()).as(what).isFalse();
            String.valueOf(response.payload(named.responseType()));
        } else {
            assertThat(response.fault()).as(what).hasValueSatisfying(f -> assertThat(f.code())
                    .as("fault code (SERVER means an exception escaped): " + f).isEqualTo(SoapFault.Code.CLIENT));
            assertThat(a.status()).as("HTTP status of a client fault in " + response.version() + ": " + what)
                    .isEqualTo(response.version() == SoapVersion.SOAP_12 ? 400 : 500);
            String text = a.text();
            assertThat(text).as(what).doesNotContain(Envelopes.TICKET).doesNotContain(Envelopes.APP_TOKEN)
                    .doesNotContain(PASSWORD);
        }
    }

    private static SoapOperation operationOf(byte[] body) {
        try {
            SoapRequest r = CODEC.decodeRequest(new ByteArrayInputStream(body));
            return r.operation();
        } catch (SoapDecodingException e) {
            return null;
        }
    }

    /** The simulator still starts a job after whatever came before. */
    private static void assertStillWorks() {
        Req start = SEEDS.get(0);
        Answer a = post(start.path(), start.headers(), start.body(), false);
        assertThat(a.status()).as("follow-up StartBatchJob: %s", a.text()).isEqualTo(200);
        SoapResponse r = ANSWERS.decodeResponse(BatchOperation.START_BATCH_JOB, a.body());
        assertThat(r.headers().succeeded()).isTrue();
        assertThat(r.payload(IntResponse.class).value()).isPositive();
        // keeps query answers small; ids keep counting up
        simulator.clearTasks();
    }

    private static Answer collect(Answer a) {
        Statistics.label("status").collect(a.status());
        return a;
    }

    static Answer post(String path, Map<String, String> headers, byte[] body, boolean chunked) {
        return post("POST", path, headers, body, chunked);
    }

    /** One exchange over the shared client; fails the property when no answer comes within {@link #BOUND}. */
    static Answer post(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        Publisher<ByteBuf> out = chunked && body.length > 0
                ? Flux.range(0, (body.length + 8191) / 8192).map(i -> Unpooled.wrappedBuffer(body, i * 8192,
                        Math.min(8192, body.length - i * 8192)))
                : Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body));
        try {
            Answer a = http.headers(h -> headers.forEach(h::set)).request(HttpMethod.valueOf(method)).uri(path)
                    .send(out)
                    .responseSingle((res, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                            .map(b -> new Answer(res.status().code(), res.responseHeaders().get("Content-Type"), b)))
                    .block(BOUND.plusSeconds(5));
            if (a == null) {
                throw new AssertionError("no answer to " + method + " " + path + " " + headers);
            }
            return a;
        } catch (RuntimeException e) {
            throw new AssertionError("no answer (" + e + ") to " + method + " " + path + " " + headers + " "
                    + DecodeOutcome.show(body), e);
        }
    }
}
