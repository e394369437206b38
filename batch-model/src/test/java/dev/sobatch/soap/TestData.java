package dev.sobatch.soap;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskCancellationBehaviour;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.FieldProperty;
import dev.sobatch.model.FieldPropertyDictionary;
import dev.sobatch.model.SoTimeZone;
import dev.sobatch.model.TableRight;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.DeleteBatchTask;
import dev.sobatch.model.message.DeleteBatchTasks;
import dev.sobatch.model.message.EmptyResponse;
import dev.sobatch.model.message.GetAllBatchTaskInfosByName;
import dev.sobatch.model.message.GetAllBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.GetBatchTaskInfosByAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByAssociatesAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByName;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Realistic payloads for every operation, and the fixtures under {@code src/test/resources/fixtures}. */
final class TestData {
    static final String APP_TOKEN = "app-token-SECRET-5f1c";
    static final String TICKET = "7T:ticket-SECRET-QkFTRTY0==";
    static final RequestHeaders HEADERS = RequestHeaders.of(APP_TOKEN, TICKET);

    private TestData() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A task with every field set, as a running export would look. */
    static BatchTaskInfo fullTask() {
        return BatchTaskInfo.named("ExportContacts")
                .id(4711)
                .associateId(13)
                .detailsTable((short) 5)
                .detailsRecord(99)
                .systemTask(false)
                .internalTask(true)
                .parameter("format", "csv")
                .parameter("selectionId", "1234")
                .lastStarted(OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 123_456_700, ZoneOffset.UTC))
                .created(OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1)))
                .startCount(2)
                .databaseSerialNumber("SO-1234-5678")
                .context("archive:contacts")
                .result("")
                .state(BatchTaskState.STARTED)
                .description("Export all contacts")
                .response("")
                .request("{\"columns\":[\"name\",\"email\"]}")
                .progressDescription("Exporting 40 of 100")
                .progressPercent(40)
                .fileName("contacts.csv")
                .cancellationBehaviour(BatchTaskCancellationBehaviour.CANCEL_WITH_WARNING)
                .tableRight(TableRight.of("Select Update Delete", null))
                .fieldProperties(FieldPropertyDictionary.of(Map.of("Name",
                        FieldProperty.of(TableRight.of("Read", "read-only for now"), "String", 255))))
                .build();
    }

    /** A finished task with few fields set. */
    static BatchTaskInfo finishedTask() {
        return BatchTaskInfo.named("ImportProjects")
                .id(4712)
                .associateId(13)
                .state(BatchTaskState.SUCCEEDED)
                .progressPercent(100)
                .created(OffsetDateTime.of(2023, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC))
                .build();
    }

    /** A request payload for the operation, with realistic values. */
    static Object request(BatchOperation op) {
        switch (op) {
            case GET_BATCH_TASK_INFO:
                return GetBatchTaskInfo.of(4711);
            case GET_BATCH_TASK_INFOS_BY_ASSOCIATES:
                return GetBatchTaskInfosByAssociates.of(ArrayOfint.of(13, 14, 2_000_000));
            case START_BATCH_JOB:
                return StartBatchJob.of(BatchTaskInfo.named("ExportContacts").parameter("format", "csv")
                        .parameter("selectionId", "1234").build());
            case STOP_BATCH_JOB:
                return StopBatchJob.of(4711);
            case GET_BATCH_TASK_INFOS_BY_STATE:
                return GetBatchTaskInfosByState.of(BatchTaskState.SUCCEEDED_MANUAL_CLEANUP);
            case UPDATE_BATCH_TASK:
                return UpdateBatchTask.of(fullTask());
            case GET_BATCH_TASK_INFOS_BY_NAME_AND_STATE:
                return GetBatchTaskInfosByNameAndState.of("ExportContacts", BatchTaskState.AQUIRED);
            case GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES:
                return GetBatchTaskInfosByNameAndAssociates.of("ExportContacts", ArrayOfint.of(13));
            case GET_BATCH_TASK_INFOS_BY_ASSOCIATES_AND_STATE:
                return GetBatchTaskInfosByAssociatesAndState.of(ArrayOfint.of(13, 14), BatchTaskState.ALL);
            case DELETE_BATCH_TASKS:
                return DeleteBatchTasks.of(ArrayOfint.of(4711, 4712));
            case DELETE_BATCH_TASK:
                return DeleteBatchTask.of(4711);
            case GET_ALL_BATCH_TASK_INFOS_BY_NAME:
                return GetAllBatchTaskInfosByName.of("ExportContacts");
            case GET_ALL_BATCH_TASK_INFOS_BY_NAME_AND_STATE:
                return GetAllBatchTaskInfosByNameAndState.of("ExportContacts", BatchTaskState.FAILED);
            case GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME:
                return GetSystemBatchTaskInfosByName.of("Maintenance");
            case GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE:
                return GetSystemBatchTaskInfosByNameAndState.of("Maintenance", BatchTaskState.NEW);
            default:
                throw new AssertionError("no sample request for " + op);
        }
    }

    /** A response payload for the operation, with realistic values. */
    static Object response(BatchOperation op) {
        Class<?> type = op.responseType();
        if (type == IntResponse.class) {
            return IntResponse.of(4711);
        }
        if (type == BooleanResponse.class) {
            return BooleanResponse.of(true);
        }
        if (type == BatchTaskInfoResponse.class) {
            return BatchTaskInfoResponse.of(fullTask());
        }
        if (type == BatchTaskInfoListResponse.class) {
            return BatchTaskInfoListResponse.of(List.of(fullTask(), finishedTask()));
        }
        if (type == EmptyResponse.class) {
            return EmptyResponse.instance();
        }
        throw new AssertionError("no sample response for " + op);
    }

    static RequestHeaders headersWithTimeZone() {
        return HEADERS.withTimeZone(SoTimeZone.of(7, "NOOSL"));
    }
}
