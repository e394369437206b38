package dev.sobatch.bench;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The messages every benchmark sends and answers, so that all contenders do the same work. */
public final class Payloads {
    /** Fake secrets: the server never checks them, but every contender sends both headers. */
    public static final String APPLICATION_TOKEN = "bench-app-token-0123456789";
    public static final String TICKET = "7T:YmVuY2gtdGlja2V0LTAxMjM0NTY3ODk=";
    /**
     * The id in {@link #startResponseBytes()}; the benchmark server answers each StartBatchJob with the next
     * seven-digit id from here on ({@link #ID_COUNT} of them, then again), as a service answers with new ids.
     */
    public static final int STARTED_ID = 1_000_000;
    public static final int ID_COUNT = 9_000_000;
    public static final String SERVICE_PATH = "/Remote/Services88/Batch.svc";
    public static final String START_ACTION = '"' + BatchOperation.START_BATCH_JOB.action() + '"';
    public static final String LIST_ACTION = '"' + BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE.action() + '"';

    /** The task every StartBatchJob call sends: a name and two parameters, as a typical export job. */
    public static final BatchTaskInfo TASK = BatchTaskInfo.named("ExportContacts")
            .parameter("format", "csv")
            .parameter("folder", "/exports/2025")
            .description("nightly export")
            .build();

    public static final RequestHeaders HEADERS = RequestHeaders.of(APPLICATION_TOKEN, TICKET);

    private Payloads() {
    }

    public static StartBatchJob startRequest() {
        return StartBatchJob.of(TASK);
    }

    /** The StartBatchJob request envelope as the SDK's codec writes it (what contender (a) posts). */
    public static byte[] startRequestBytes() {
        return SoapCodec.defaults().encodeRequest(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB, HEADERS,
                startRequest());
    }

    /** A GetBatchTaskInfosByState(Started) request envelope. */
    public static byte[] listRequestBytes() {
        return SoapCodec.defaults().encodeRequest(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                HEADERS, GetBatchTaskInfosByState.of(BatchTaskState.STARTED));
    }

    /** {@code count} StartBatchJobResponse envelopes that differ only in their (seven-digit) ids. */
    public static byte[][] startResponsesWithIds(int count) {
        byte[][] answers = new byte[count][];
        for (int i = 0; i < count; i++) {
            answers[i] = startResponseBytes(STARTED_ID + i * 7919);
        }
        return answers;
    }

    /** The StartBatchJobResponse envelope, headers as WCF writes them on success. */
    public static byte[] startResponseBytes() {
        return startResponseBytes(STARTED_ID);
    }

    private static byte[] startResponseBytes(int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SoapCodec.defaults().encodeResponse(SoapVersion.SOAP_11, BatchOperation.START_BATCH_JOB,
                ResponseHeaders.success(), IntResponse.of(id), out);
        return out.toByteArray();
    }

    /** A GetBatchTaskInfosByState response with {@code count} realistic, fully populated tasks. */
    public static byte[] taskListResponseBytes(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 1500 + 1024);
        SoapCodec.defaults().encodeResponse(SoapVersion.SOAP_11, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                ResponseHeaders.success(), BatchTaskInfoListResponse.of(tasks(count)), out);
        return out.toByteArray();
    }

    public static List<BatchTaskInfo> tasks(int count) {
        OffsetDateTime base = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        List<BatchTaskInfo> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(BatchTaskInfo.named("ExportContacts")
                    .id(1000 + i)
                    .associateId(5 + i % 7)
                    .parameter("format", "csv")
                    .parameter("folder", "/exports/" + i)
                    .created(base.plusMinutes(i))
                    .lastStarted(base.plusMinutes(i + 1))
                    .startCount(1)
                    .state(i % 3 == 0 ? BatchTaskState.STARTED : BatchTaskState.SUCCEEDED)
                    .progressPercent(i % 101)
                    .progressDescription("exported " + i * 10 + " rows")
                    .description("nightly export")
                    .result(i % 3 == 0 ? null : "done")
                    .build());
        }
        return tasks;
    }
}
