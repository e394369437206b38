package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskCancellationBehaviour;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.FieldProperty;
import dev.sobatch.model.FieldPropertyDictionary;
import dev.sobatch.model.Namespaces;
import dev.sobatch.model.SoTimeZone;
import dev.sobatch.model.TableRight;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.TaskInfoRequest;
import dev.sobatch.model.message.UpdateBatchTask;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written StartBatchJob / UpdateBatchTask payload writer gives exactly JAXB's bytes: each task is
 * encoded by the codec and by a codec with the fast paths off, for both operations and both SOAP versions,
 * and the envelopes are compared byte for byte.
 */
class TaskInfoWriterTest {
    private static final SoapCodec codec = SoapCodec.defaults();
    /** The codec as it was before the fast paths: every payload through JAXB. */
    private static final SoapCodec JAXB_ONLY = new SoapCodec(SoapCodec.DEFAULT_MAX_INPUT_BYTES, false);
    private static final String ESCAPES = "<&>\"' a<b>&amp;]]>\r\n\t";
    private static final String NON_ASCII = "Zürich Ærø 東京 \u00a0\u2028 😀𝄞 \ud83d\ude00x";

    // ------------------------------------------------------------------ named cases

    static Stream<Arguments> tasks() {
        Map<String, BatchTaskInfo> cases = new LinkedHashMap<>();
        cases.put("defaults", BatchTaskInfo.builder().build());
        cases.put("named only", BatchTaskInfo.named("ExportContacts").build());
        cases.put("every field set", everyField().build());
        cases.put("every nillable field null", everyField().name(null).databaseSerialNumber(null).context(null)
                .result(null).description(null).response(null).request(null).progressDescription(null)
                .fileName(null).build());
        cases.put("every optional field null", everyField().lastStarted(null).created(null).state(null)
                .cancellationBehaviour(null).build());
        cases.put("empty strings", everyField().name("").databaseSerialNumber("").context("").result("")
                .description("").response("").request("").progressDescription("").fileName("").parameter("", "")
                .build());
        cases.put("escaping everywhere", everyField().name(ESCAPES).context(ESCAPES).description(ESCAPES)
                .request(ESCAPES).parameter(ESCAPES, ESCAPES).build());
        cases.put("non-ASCII and supplementary characters", everyField().name(NON_ASCII).result(NON_ASCII)
                .response(NON_ASCII).fileName(NON_ASCII).parameter(NON_ASCII, NON_ASCII).build());
        cases.put("lone surrogates and control characters", everyField().name("a\ud800b\udc00c")
                .description("\u0001\u0000\u001f\ufffe\uffff").parameter("\ud83d", "\ude00").build());
        cases.put("nil keys and values", BatchTaskInfo.named("X").parameter(null, "v").parameter("k", null)
                .parameter("both", null).build());
        cases.put("nil key with nil value", BatchTaskInfo.named("X").parameter(null, null).build());
        cases.put("empty dictionary", everyField().parameters(Map.of()).build());
        Map<String, String> large = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            large.put("key-" + i, i % 7 == 0 ? null : "value " + i + " <" + i + ">");
        }
        cases.put("large dictionary", everyField().parameters(large).build());
        cases.put("extreme numbers", everyField().id(Integer.MIN_VALUE).associateId(Integer.MAX_VALUE)
                .detailsTable(Short.MIN_VALUE).detailsRecord(-1).startCount(Integer.MIN_VALUE)
                .progressPercent(Short.MAX_VALUE).build());
        cases.put("negative numbers", everyField().id(-1).associateId(-42).detailsTable((short) -1)
                .detailsRecord(Integer.MIN_VALUE).startCount(-7).progressPercent(Short.MIN_VALUE).build());
        cases.put("flags true", everyField().systemTask(true).internalTask(true).build());
        cases.put("flags false", everyField().systemTask(false).internalTask(false).build());
        for (BatchTaskState state : BatchTaskState.values()) {
            cases.put("state " + state, everyField().state(state).build());
        }
        for (BatchTaskCancellationBehaviour b : BatchTaskCancellationBehaviour.values()) {
            cases.put("cancellation " + b, everyField().cancellationBehaviour(b).build());
        }
        List<OffsetDateTime> dates = dates();
        for (int i = 0; i < dates.size(); i++) {
            cases.put("date " + dates.get(i), everyField().lastStarted(dates.get(i))
                    .created(dates.get((i + 1) % dates.size())).build());
        }
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static List<OffsetDateTime> dates() {
        return List.of(
                OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 3, 1, 8, 15, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 123_456_700, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 99, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 100, ZoneOffset.ofHours(-12)),
                OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 500_000_000, ZoneOffset.ofHours(14)),
                OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)),
                OffsetDateTime.of(LocalDateTime.of(1, 1, 1, 0, 0), ZoneOffset.UTC), // DateTime.MinValue
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900, ZoneOffset.UTC), // DateTime.MaxValue
                OffsetDateTime.of(12345, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.MIN,
                OffsetDateTime.MAX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void writesWhatJaxbWritesForTheTask(String name, BatchTaskInfo task) {
        assertFastAndSameAsJaxb(task);
    }

    @Test
    void writesWhatJaxbWritesForANilTask() {
        assertFastAndSameAsJaxb(null);
    }

    @Test
    void declaresJaxbsNamespacesOnThePayloadRoot() {
        String xml = TestData.utf8(codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB,
                TestData.HEADERS, StartBatchJob.of(BatchTaskInfo.named("X").build())));
        assertThat(xml).contains("<StartBatchJob xmlns:a=\"" + Namespaces.ARRAYS + "\" xmlns:xsi=\""
                + Namespaces.XSI + "\" xmlns=\"" + Namespaces.SERVICES88 + "\"><BatchTaskInfo><Id>0</Id>");
    }

    @Test
    void writesWhatJaxbWritesWithATimeZoneHeader() {
        RequestHeaders headers = TestData.headersWithTimeZone();
        for (SoapVersion version : SoapVersion.values()) {
            Object payload = UpdateBatchTask.of(everyField().build());
            assertThat(TestData.utf8(codec.encodeRequest(version, BatchOperation.UPDATE_BATCH_TASK, headers,
                    payload))).isEqualTo(TestData.utf8(JAXB_ONLY.encodeRequest(version,
                            BatchOperation.UPDATE_BATCH_TASK, headers, payload)));
        }
    }

    // ------------------------------------------------------------------ tasks read from the wire

    /** Task bodies as a server might send them, read by JAXB and sent back. */
    static List<String> wireTasks() {
        return List.of(
                "<Id>7</Id><Name>X</Name><ParameterObject/>",
                "<Id>7</Id><ParameterObject></ParameterObject><State>Paused</State>"
                        + "<CancellationBehaviour>Sometimes</CancellationBehaviour>",
                "<ParameterObject><StringKeyValuePair><Key>k</Key><Value>1</Value></StringKeyValuePair>"
                        + "<StringKeyValuePair><Key>k</Key><Value>2</Value></StringKeyValuePair>"
                        + "<StringKeyValuePair><Key i:nil='true'/><Value i:nil='true'/></StringKeyValuePair>"
                        + "<StringKeyValuePair/></ParameterObject>",
                "<Name i:nil='true'/><ParameterObject/><LastStarted>0001-01-01T00:00:00</LastStarted>"
                        + "<Created>2021-11-30T13:23:33.1234567</Created><Result>done</Result>",
                "<Name>Y</Name><ParameterObject/><Created>2021-11-30T14:23:33.999+01:00</Created>"
                        + "<IsSystemTask>1</IsSystemTask><ProgressPercent>-5</ProgressPercent>",
                "<Name>Z</Name>");
    }

    @ParameterizedTest
    @MethodSource("wireTasks")
    void writesWhatJaxbWritesForATaskReadFromTheWire(String body) {
        BatchTaskInfo task = readTask(body);
        assertThat(TaskInfoWriter.handles(BatchOperation.START_BATCH_JOB.requestElement(),
                StartBatchJob.of(task))).as("fast path taken").isEqualTo(body.contains("ParameterObject"));
        assertSameAsJaxb(task);
    }

    @Test
    void leavesATaskWithANilParameterObjectToJaxb() {
        BatchTaskInfo task = readTask("<Name>X</Name><ParameterObject i:nil='true'/>");
        assertThat(TaskInfoWriter.handles(BatchOperation.UPDATE_BATCH_TASK.requestElement(),
                UpdateBatchTask.of(task))).isFalse();
        assertSameAsJaxb(task);
        assertThat(TestData.utf8(codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.UPDATE_BATCH_TASK,
                TestData.HEADERS, UpdateBatchTask.of(task)))).contains("<ParameterObject xsi:nil=\"true\">");
    }

    private static BatchTaskInfo readTask(String body) {
        String xml = "<s:Envelope xmlns:s=\"" + SoapVersion.SOAP_11.envelopeNamespace() + "\"><s:Body>"
                + "<StartBatchJob xmlns=\"" + Namespaces.SERVICES88 + "\" xmlns:i=\"" + Namespaces.XSI + "\">"
                + "<BatchTaskInfo>" + body + "</BatchTaskInfo></StartBatchJob></s:Body></s:Envelope>";
        return codec.decodeRequest(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .payload(StartBatchJob.class).batchTaskInfo();
    }

    // ------------------------------------------------------------------ the Carrier base: JAXB's

    static List<UnaryOperator<BatchTaskInfo.Builder>> carriers() {
        return List.of(
                b -> b.tableRight(TableRight.of("Select Update Delete", null)),
                b -> b.fieldProperties(FieldPropertyDictionary.of(Map.of("Name",
                        FieldProperty.of(TableRight.of("Read", "read-only <for> now"), "String", 255)))),
                b -> b.tableRight(TableRight.of("Select", "why")).fieldProperties(
                        FieldPropertyDictionary.of(Map.of())));
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void leavesATaskWithCarrierFieldsToJaxb(UnaryOperator<BatchTaskInfo.Builder> carrier) {
        BatchTaskInfo task = carrier.apply(everyField()).build();
        assertThat(TaskInfoWriter.handles(BatchOperation.START_BATCH_JOB.requestElement(),
                StartBatchJob.of(task))).isFalse();
        assertThat(TaskInfoWriter.handles(BatchOperation.UPDATE_BATCH_TASK.requestElement(),
                UpdateBatchTask.of(task))).isFalse();
        assertSameAsJaxb(task);
        assertThat(TestData.utf8(codec.encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB,
                TestData.HEADERS, StartBatchJob.of(task))))
                .containsAnyOf("<BatchTaskInfo><TableRight>", "<BatchTaskInfo><FieldProperties>");
    }

    @Test
    void leavesOtherPayloadsToJaxb() {
        for (BatchOperation op : BatchOperation.values()) {
            Object payload = TestData.request(op);
            // TestData's UpdateBatchTask carries a task with Carrier fields
            assertThat(TaskInfoWriter.handles(op.requestElement(), payload)).as(op.operationName())
                    .isEqualTo(op == BatchOperation.START_BATCH_JOB);
            assertThat(codec.encodeRequest(SoapVersion.SOAP_12, op, TestData.HEADERS, payload))
                    .isEqualTo(JAXB_ONLY.encodeRequest(SoapVersion.SOAP_12, op, TestData.HEADERS, payload));
        }
    }

    // ------------------------------------------------------------------ randomized

    @Test
    void writesWhatJaxbWritesForRandomTasks() {
        Random random = new Random(20240301L);
        for (int i = 0; i < 300; i++) {
            BatchTaskInfo task = randomTask(random);
            assertFastAndSameAsJaxb(task);
        }
    }

    private static BatchTaskInfo randomTask(Random r) {
        BatchTaskInfo.Builder b = BatchTaskInfo.builder()
                .id(randomInt(r)).name(randomText(r)).associateId(randomInt(r))
                .detailsTable((short) randomInt(r)).detailsRecord(randomInt(r))
                .systemTask(r.nextBoolean()).internalTask(r.nextBoolean())
                .lastStarted(randomDate(r)).created(randomDate(r)).startCount(randomInt(r))
                .databaseSerialNumber(randomText(r)).context(randomText(r)).result(randomText(r))
                .state(r.nextInt(10) == 0 ? null : pick(r, BatchTaskState.values()))
                .description(randomText(r)).response(randomText(r)).request(randomText(r))
                .progressDescription(randomText(r)).progressPercent((short) randomInt(r)).fileName(randomText(r))
                .cancellationBehaviour(r.nextInt(3) == 0 ? null : pick(r, BatchTaskCancellationBehaviour.values()));
        int size = r.nextInt(5) == 0 ? r.nextInt(60) : r.nextInt(4);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            parameters.put(randomText(r), randomText(r));
        }
        return b.parameters(parameters).build();
    }

    private static int randomInt(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return r.nextInt(201) - 100;
            case 1:
                int[] edges = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Short.MIN_VALUE, Short.MAX_VALUE,
                        65535, 65536};
                return edges[r.nextInt(edges.length)];
            default:
                return r.nextInt();
        }
    }

    private static final String[] PIECES = {"a", "Z", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "<", ">", "&",
            "\"", "'", "]]>", "&amp;", "&#x41;", "é", "ß", "€", "東", "😀", "𝄞", "\ud800", "\udfff", "\u0000",
            "\u0001", "\u007f", "\u0080", "\u00a0", "\ufeff", "\uffff", "xsi:nil", "<x/>", "<!-- c -->",
            "=\"", "ExportContacts"};

    private static String randomText(Random r) {
        int kind = r.nextInt(8);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        int pieces = kind == 2 ? 50 + r.nextInt(200) : 1 + r.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            s.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : Character.toString(r.nextInt(0x80)));
        }
        return s.toString();
    }

    private static OffsetDateTime randomDate(Random r) {
        if (r.nextInt(4) == 0) {
            return null;
        }
        if (r.nextInt(20) == 0) {
            return OffsetDateTime.of(LocalDateTime.of(1, 1, 1, 0, 0), ZoneOffset.UTC);
        }
        int nano = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            default -> r.nextInt(1_000_000_000);
        };
        ZoneOffset offset = r.nextBoolean() ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds((r.nextInt(57) - 28) * 30 * 60);
        return OffsetDateTime.of(1 + r.nextInt(9999), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
                r.nextInt(60), r.nextInt(60), nano, offset);
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    // ------------------------------------------------------------------ helpers

    /** {@link TestData#fullTask()} without the Carrier fields (which go to JAXB), other values where it has blanks. */
    private static BatchTaskInfo.Builder everyField() {
        return TestData.fullTask().toBuilder().tableRight(null).fieldProperties(null)
                .systemTask(true).result("ok").response("resp");
    }

    /** Both operations in both SOAP versions: the fast path is taken, and its bytes are JAXB's. */
    private static void assertFastAndSameAsJaxb(BatchTaskInfo task) {
        for (TaskInfoRequest payload : List.of(StartBatchJob.of(task), UpdateBatchTask.of(task))) {
            BatchOperation op = payload instanceof StartBatchJob ? BatchOperation.START_BATCH_JOB
                    : BatchOperation.UPDATE_BATCH_TASK;
            assertThat(TaskInfoWriter.handles(op.requestElement(), payload)).as("fast path taken").isTrue();
        }
        assertSameAsJaxb(task);
    }

    private static void assertSameAsJaxb(BatchTaskInfo task) {
        List<Object[]> runs = new ArrayList<>();
        for (SoapVersion version : SoapVersion.values()) {
            runs.add(new Object[] {version, BatchOperation.START_BATCH_JOB, StartBatchJob.of(task)});
            runs.add(new Object[] {version, BatchOperation.UPDATE_BATCH_TASK, UpdateBatchTask.of(task)});
        }
        for (Object[] run : runs) {
            SoapVersion version = (SoapVersion) run[0];
            BatchOperation op = (BatchOperation) run[1];
            byte[] fast = codec.encodeRequest(version, op, TestData.HEADERS, run[2]);
            byte[] jaxb = JAXB_ONLY.encodeRequest(version, op, TestData.HEADERS, run[2]);
            // compared as text first for a readable difference, then byte for byte
            assertThat(new String(fast, StandardCharsets.ISO_8859_1)).as(version + " " + op.operationName())
                    .isEqualTo(new String(jaxb, StandardCharsets.ISO_8859_1));
            assertThat(fast).isEqualTo(jaxb);
        }
    }
}
