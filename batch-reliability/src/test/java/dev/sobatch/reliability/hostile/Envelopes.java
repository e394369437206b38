package dev.sobatch.reliability.hostile;

import dev.sobatch.model.BatchTaskCancellationBehaviour;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.SoExceptionInfo;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.RequestHeaders;
import dev.sobatch.soap.ResponseHeaders;
import dev.sobatch.soap.SoapCodec;
import dev.sobatch.soap.SoapFault;
import dev.sobatch.soap.SoapVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid envelopes that the hostile-input properties start from: what the codec writes itself, in both
 * SOAP versions, and the vendor's examples (headers directly under Envelope, {@code xsi:type} everywhere).
 */
public final class Envelopes {
    /** Secrets planted in every request seed; no error message may repeat them. */
    public static final String TICKET = "7T:SeCrEtTiCkEt0123456789==";
    public static final String APP_TOKEN = "AppTok-SECRET-6a1f9c";

    /** A seed: the operation it answers (or asks) and its bytes. */
    public record Seed(String label, BatchOperation operation, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final BatchOperation[] RESPONSE_OPS = {BatchOperation.START_BATCH_JOB,
        BatchOperation.GET_BATCH_TASK_INFO, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE};

    private static final List<Seed> RESPONSES = buildResponses();
    private static final List<Seed> REQUESTS = buildRequests();

    private Envelopes() {
    }

    public static List<Seed> responses() {
        return RESPONSES;
    }

    public static List<Seed> requests() {
        return REQUESTS;
    }

    static BatchTaskInfo richTask(int id) {
        OffsetDateTime t = OffsetDateTime.of(2025, 11, 26, 12, 6, 46, 0, ZoneOffset.UTC);
        return BatchTaskInfo.named("ExportContacts").id(id).associateId(7).parameter("format", "csv")
                .parameter("quote", "\"<&>\"").created(t).lastStarted(t.plusMinutes(1)).startCount(1)
                .state(BatchTaskState.STARTED).progressPercent(42).progressDescription("half way")
                .description("nightly export").cancellationBehaviour(BatchTaskCancellationBehaviour.CAN_CANCEL)
                .build();
    }

    private static List<Seed> buildResponses() {
        SoapCodec codec = SoapCodec.defaults();
        List<Seed> seeds = new ArrayList<>();
        SoExceptionInfo failure = SoExceptionInfo.builder().message("Ticket expired").friendlyText("Log in again")
                .exceptionType("SoException").innerException(SoExceptionInfo.builder().message("inner").build())
                .build();
        for (SoapVersion v : SoapVersion.values()) {
            String tag = v.label();
            seeds.add(response(codec, v, BatchOperation.START_BATCH_JOB, ResponseHeaders.success(),
                    IntResponse.of(4711), "StartBatchJob " + tag));
            seeds.add(response(codec, v, BatchOperation.GET_BATCH_TASK_INFO, ResponseHeaders.success(),
                    BatchTaskInfoResponse.of(richTask(4711)), "GetBatchTaskInfo " + tag));
            seeds.add(response(codec, v, BatchOperation.GET_BATCH_TASK_INFO, ResponseHeaders.success(),
                    BatchTaskInfoResponse.of(null), "GetBatchTaskInfo nil " + tag));
            seeds.add(response(codec, v, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, ResponseHeaders.success(),
                    BatchTaskInfoListResponse.of(List.of(richTask(1), richTask(2), richTask(3))),
                    "GetBatchTaskInfosByState " + tag));
            seeds.add(response(codec, v, BatchOperation.START_BATCH_JOB, ResponseHeaders.failure(failure),
                    IntResponse.of(0), "StartBatchJob ExceptionInfo " + tag));
            for (BatchOperation op : RESPONSE_OPS) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                codec.encodeFault(v, SoapFault.server("Something broke", "at Batch.Start()"),
                        ResponseHeaders.failure(failure), out);
                seeds.add(new Seed(op.operationName() + " fault " + tag, op, out.toByteArray()));
            }
        }
        for (BatchOperation op : RESPONSE_OPS) {
            String vendor = vendorExample(op.operationName(), "Response");
            if (vendor != null) {
                seeds.add(new Seed(op.operationName() + " vendor example", op,
                        vendor.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(seeds);
    }

    private static List<Seed> buildRequests() {
        SoapCodec codec = SoapCodec.defaults();
        List<Seed> seeds = new ArrayList<>();
        RequestHeaders headers = RequestHeaders.of(APP_TOKEN, TICKET);
        for (SoapVersion v : SoapVersion.values()) {
            String tag = v.label();
            seeds.add(new Seed("StartBatchJob " + tag, BatchOperation.START_BATCH_JOB, codec.encodeRequest(v,
                    BatchOperation.START_BATCH_JOB, headers, StartBatchJob.of(richTask(0)))));
            seeds.add(new Seed("GetBatchTaskInfo " + tag, BatchOperation.GET_BATCH_TASK_INFO, codec.encodeRequest(v,
                    BatchOperation.GET_BATCH_TASK_INFO, headers, GetBatchTaskInfo.of(4711))));
            seeds.add(new Seed("GetBatchTaskInfosByState " + tag, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE,
                    codec.encodeRequest(v, BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, headers,
                            GetBatchTaskInfosByState.of(BatchTaskState.STARTED))));
        }
        for (BatchOperation op : RESPONSE_OPS) {
            String vendor = vendorExample(op.operationName(), "Request");
            if (vendor != null) {
                vendor = vendor.replace("1234567-1234-9876", APP_TOKEN).replace("7T:1234abcxyzExample==", TICKET);
                seeds.add(new Seed(op.operationName() + " vendor example", op,
                        vendor.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(seeds);
    }

    private static Seed response(SoapCodec codec, SoapVersion v, BatchOperation op, ResponseHeaders headers,
            Object payload, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encodeResponse(v, op, headers, payload, out);
        return new Seed(label, op, out.toByteArray());
    }

    /** The vendor's example XML for "op Request" or "op Response", or null when the reference is absent. */
    private static String vendorExample(String operation, String kind) {
        Path dir = Path.of(System.getProperty("sobatch.reference.dir", "../../shared/reference"), "batch-operations");
        Path file = dir.resolve(operation + ".md");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String md = Files.readString(file);
            Matcher m = Pattern.compile("## " + operation + " " + kind + "\\s+```xml\\s+(.*?)```", Pattern.DOTALL)
                    .matcher(md);
            return m.find() ? m.group(1).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
