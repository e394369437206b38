package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request written after a pre-encoded head is byte for byte the request written in full. */
class EncodedHeadTest {
    private static final SoapCodec CODEC = SoapCodec.defaults();

    private static final List<RequestHeaders> HEADERS = List.of(TestData.HEADERS, TestData.headersWithTimeZone(),
            RequestHeaders.of(null, TestData.TICKET), RequestHeaders.of(TestData.APP_TOKEN, null),
            RequestHeaders.none(), RequestHeaders.of("tok<&>\"'", "7T:ti&cket<æøå日本>"));

    private static final List<Object[]> CALLS = List.of(
            new Object[] {BatchOperation.START_BATCH_JOB, StartBatchJob.of(BatchTaskInfo.named("Export")
                    .parameter("a", "<&>").description("æøå 日本 \uD83D\uDE00").build())},
            new Object[] {BatchOperation.START_BATCH_JOB, StartBatchJob.of(TestData.fullTask())}, // Carrier: JAXB
            new Object[] {BatchOperation.UPDATE_BATCH_TASK, UpdateBatchTask.of(BatchTaskInfo.named("Export").id(9)
                    .build())},
            new Object[] {BatchOperation.GET_BATCH_TASK_INFO, GetBatchTaskInfo.of(7)}); // no head copy

    @Test
    void everyHeaderSetVersionAndPayloadGivesTheBytesOfTheFullEncoding() {
        for (SoapVersion version : SoapVersion.values()) {
            for (RequestHeaders headers : HEADERS) {
                EncodedHead head = CODEC.encodeHead(version, headers);
                assertThat(head.toString()).as("the head is used").doesNotContain("not cached");
                for (Object[] call : CALLS) {
                    BatchOperation op = (BatchOperation) call[0];
                    ByteArrayOutputStream viaHead = new ByteArrayOutputStream();
                    CODEC.encodeRequest(head, op, call[1], viaHead);

                    assertThat(TestData.utf8(viaHead.toByteArray())).as("%s %s %s", version, headers, op)
                            .isEqualTo(TestData.utf8(CODEC.encodeRequest(version, op, headers, call[1])));
                }
            }
        }
    }

    @Test
    void aHeadKnowsWhatItWasEncodedForAndNeverShowsTheSecrets() {
        EncodedHead head = CODEC.encodeHead(SoapVersion.SOAP_11, TestData.HEADERS);

        assertThat(head.isFor(SoapVersion.SOAP_11, RequestHeaders.of(TestData.APP_TOKEN, TestData.TICKET))).isTrue();
        assertThat(head.isFor(SoapVersion.SOAP_12, TestData.HEADERS)).isFalse();
        assertThat(head.isFor(SoapVersion.SOAP_11, RequestHeaders.of(TestData.APP_TOKEN, "7T:other"))).isFalse();
        assertThat(head.toString()).doesNotContain(TestData.TICKET).doesNotContain(TestData.APP_TOKEN);
    }

    @Test
    void anEnvelopeOfAnUnexpectedShapeCachesNothing() {
        EncodedHead head = EncodedHead.cut(SoapVersion.SOAP_11, TestData.HEADERS,
                "<s:Envelope><s:Body/></s:Envelope>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(head.bytes()).isNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CODEC.encodeRequest(head, BatchOperation.START_BATCH_JOB, StartBatchJob.of(BatchTaskInfo.named("X").build()),
                out);
        assertThat(out.toByteArray()).isEqualTo(CODEC.encodeRequest(SoapVersion.SOAP_11,
                BatchOperation.START_BATCH_JOB, TestData.HEADERS, StartBatchJob.of(BatchTaskInfo.named("X").build())));
    }

    @Test
    void aFailingStreamIsAnUncheckedIoErrorAsWithTheFullEncoding() {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }
        };
        EncodedHead head = CODEC.encodeHead(SoapVersion.SOAP_11, TestData.HEADERS);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.encodeRequest(head,
                BatchOperation.START_BATCH_JOB, StartBatchJob.of(BatchTaskInfo.named("X").build()), broken))
                .isInstanceOf(java.io.UncheckedIOException.class).hasRootCauseMessage("disk full");
    }
}
