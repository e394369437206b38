package dev.sobatch.soap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.StringPair;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Golden tests: the StartBatchJob example of the vendor's documentation page, SOAP 1.2 with loose headers. */
class VendorExampleTest {
    private final SoapCodec codec = SoapCodec.defaults();

    @Test
    void theVendorsStartBatchJobRequestDecodesWithItsHeadersAndEveryTaskField() {
        SoapRequest request = codec.decodeRequest(
                new ByteArrayInputStream(TestData.fixture("vendor-start-batch-job-request-soap12.xml")));

        assertThat(request.version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(request.operation()).isEqualTo(BatchOperation.START_BATCH_JOB);
        assertThat(request.headers().ticket()).isEqualTo("7T:1234abcxyzExample==");
        assertThat(request.headers().applicationToken()).isEqualTo("1234567-1234-9876");
        assertThat(request.headers().timeZone()).isNull();

        BatchTaskInfo task = request.payload(StartBatchJob.class).batchTaskInfo();
        OffsetDateTime stamp = OffsetDateTime.of(2021, 11, 30, 13, 23, 33, 0, ZoneOffset.UTC);
        assertThat(task.id()).isZero();
        assertThat(task.name()).isEmpty();
        assertThat(task.associateId()).isZero();
        assertThat(task.detailsTable()).isZero();
        assertThat(task.detailsRecord()).isZero();
        assertThat(task.isSystemTask()).isFalse();
        assertThat(task.isInternalTask()).isFalse();
        assertThat(task.parameters().pairs()).containsExactly(StringPair.of("", ""));
        assertThat(task.lastStarted()).isEqualTo(stamp);
        assertThat(task.created()).isEqualTo(stamp);
        assertThat(task.startCount()).isZero();
        assertThat(task.databaseSerialNumber()).isEmpty();
        assertThat(task.context()).isEmpty();
        assertThat(task.result()).isEmpty();
        assertThat(task.state()).isEqualTo(BatchTaskState.UNKNOWN);
        assertThat(task.stateText()).isEqualTo("Unknown");
        assertThat(task.description()).isEmpty();
        assertThat(task.response()).isEmpty();
        assertThat(task.request()).isEmpty();
        assertThat(task.progressDescription()).isEmpty();
        assertThat(task.progressPercent()).isZero();
        assertThat(task.fileName()).isEmpty();
        assertThat(task.cancellationBehaviour()).isEmpty();
        assertThat(task.tableRight()).isNull();
        assertThat(task.fieldProperties()).isNull();
    }

    @Test
    void theVendorsStartBatchJobResponseDecodesToTaskIdZero() {
        SoapResponse response = codec.decodeResponse(BatchOperation.START_BATCH_JOB,
                TestData.fixture("vendor-start-batch-job-response-soap12.xml"));

        assertThat(response.version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(response.isFault()).isFalse();
        assertThat(response.headers().succeeded()).isNull();
        assertThat(response.headers().reportsFailure()).isFalse();
        assertThat(response.payload(IntResponse.class).value()).isZero();
    }

    @Test
    void theVendorsRequestReEncodedAndDecodedAgainKeepsEveryValue() {
        SoapRequest original = codec.decodeRequest(
                new ByteArrayInputStream(TestData.fixture("vendor-start-batch-job-request-soap12.xml")));

        for (SoapVersion version : SoapVersion.values()) {
            byte[] wire = codec.encodeRequest(version, original.operation(), original.headers(), original.payload());
            SoapRequest again = codec.decodeRequest(new ByteArrayInputStream(wire));
            assertThat(again.payload()).isEqualTo(original.payload());
            assertThat(again.headers()).isEqualTo(original.headers());
        }
    }
}
