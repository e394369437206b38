package dev.sobatch.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.blocking.SoapTestServer.Reply;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.DeleteBatchTasks;
import dev.sobatch.model.message.EmptyResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndAssociates;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.reactive.StartResult;
import dev.sobatch.soap.BatchOperation;
import dev.sobatch.soap.SoapRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BatchClientOperationsTest {

    private static BatchClient clientFor(SoapTestServer server) {
        return BatchClient.builder().endpoint(server.batchServiceUrl()).ticket(SoapTestServer.TICKET).build();
    }

    private static BatchTaskInfo task(int id, BatchTaskState state) {
        return BatchTaskInfo.named("ExportTask").id(id).state(state).progressPercent(state.isTerminal() ? 100 : 10)
                .build();
    }

    @Test
    void startBatchJobReturnsTheServersIdAfterExactlyOneRequestWithTheStartBatchJobAction() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(IntResponse.of(4711)));
                BatchClient client = clientFor(server)) {
            int id = client.startBatchJob(BatchTaskInfo.named("ExportTask").parameter("format", "csv").build());

            assertThat(id).isEqualTo(4711);
            assertThat(server.received()).singleElement().satisfies(r -> {
                assertThat(r.operation()).isEqualTo("StartBatchJob");
                assertThat(r.soapAction()).isEqualTo(SoapTestServer.soapAction(BatchOperation.START_BATCH_JOB));
                assertThat(r.request().headers().ticket()).isEqualTo(SoapTestServer.TICKET);
                BatchTaskInfo sent = r.payload(StartBatchJob.class).batchTaskInfo();
                assertThat(sent.name()).isEqualTo("ExportTask");
                assertThat(sent.parameters().get("format")).isEqualTo("csv");
            });
        }
    }

    @Test
    void everyOperationReturnsThePlainValueTheServerAnswered() {
        List<BatchTaskInfo> listed = List.of(task(1, BatchTaskState.STARTED), task(2, BatchTaskState.SUCCEEDED));
        try (SoapTestServer server = SoapTestServer.start(BatchClientOperationsTest::answerEveryOperation);
                BatchClient client = clientFor(server)) {
            assertThat(client.startBatchJob(BatchTaskInfo.named("ExportTask").build())).isEqualTo(42);
            assertThat(client.getBatchTaskInfo(7)).get().extracting(BatchTaskInfo::id).isEqualTo(7);
            assertThat(client.stopBatchJob(7)).isTrue();
            assertThat(client.updateBatchTask(task(7, BatchTaskState.STARTED).toBuilder().progressPercent(55).build()))
                    .extracting(BatchTaskInfo::progressPercent).isEqualTo((short) 55);
            client.deleteBatchTask(7);
            client.deleteBatchTasks(List.of(7, 8, 9));
            assertThat(client.getBatchTaskInfosByState(BatchTaskState.ALL)).isEqualTo(listed);
            assertThat(client.getBatchTaskInfosByAssociates(List.of(5))).isEqualTo(listed);
            assertThat(client.getBatchTaskInfosByNameAndState("ExportTask", BatchTaskState.STARTED)).isEqualTo(listed);
            assertThat(client.getBatchTaskInfosByNameAndAssociates("ExportTask", List.of(5, 6))).isEqualTo(listed);
            assertThat(client.getBatchTaskInfosByAssociatesAndState(List.of(5), BatchTaskState.NEW)).isEqualTo(listed);
            assertThat(client.getAllBatchTaskInfosByName("ExportTask")).isEqualTo(listed);
            assertThat(client.getAllBatchTaskInfosByNameAndState("ExportTask", BatchTaskState.FAILED)).isEqualTo(listed);
            assertThat(client.getSystemBatchTaskInfosByName("Cleanup")).isEqualTo(listed);
            assertThat(client.getSystemBatchTaskInfosByNameAndState("Cleanup", BatchTaskState.ALL)).isEqualTo(listed);

            Map<String, Long> perOperation = server.received().stream()
                    .collect(Collectors.groupingBy(SoapTestServer.Received::operation, Collectors.counting()));
            assertThat(perOperation).hasSize(BatchOperation.values().length).allSatisfy((op, n) -> assertThat(n)
                    .as(op).isEqualTo(1L));
            assertThat(server.received()).allSatisfy(r -> assertThat(r.soapAction())
                    .isEqualTo(SoapTestServer.soapAction(BatchOperation.forName(r.operation()).orElseThrow())));
            assertThat(payloadOf(server, BatchOperation.DELETE_BATCH_TASKS, DeleteBatchTasks.class)
                    .batchTaskIds().values()).containsExactly(7, 8, 9);
            GetBatchTaskInfosByNameAndAssociates byNameAndAssociates = payloadOf(server,
                    BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES,
                    GetBatchTaskInfosByNameAndAssociates.class);
            assertThat(byNameAndAssociates.name()).isEqualTo("ExportTask");
            assertThat(byNameAndAssociates.associateIds().values()).containsExactly(5, 6);
        }
    }

    private static Reply answerEveryOperation(SoapRequest request) {
        List<BatchTaskInfo> listed = List.of(task(1, BatchTaskState.STARTED), task(2, BatchTaskState.SUCCEEDED));
        switch ((BatchOperation) request.operation()) {
            case START_BATCH_JOB:
                return Reply.ok(IntResponse.of(42));
            case GET_BATCH_TASK_INFO:
                return Reply.ok(BatchTaskInfoResponse.of(
                        task(request.payload(GetBatchTaskInfo.class).id(), BatchTaskState.STARTED)));
            case STOP_BATCH_JOB:
                return Reply.ok(BooleanResponse.of(request.payload(StopBatchJob.class).id() == 7));
            case UPDATE_BATCH_TASK:
                return Reply.ok(BatchTaskInfoResponse.of(request.payload(UpdateBatchTask.class).batchTaskInfo()));
            case DELETE_BATCH_TASK:
            case DELETE_BATCH_TASKS:
                return Reply.ok(EmptyResponse.instance());
            default:
                return Reply.ok(BatchTaskInfoListResponse.of(listed));
        }
    }

    private static <T> T payloadOf(SoapTestServer server, BatchOperation op, Class<T> type) {
        return server.received().stream().filter(r -> r.operation().equals(op.operationName())).findFirst()
                .orElseThrow().payload(type);
    }

    @Test
    void getBatchTaskInfoIsEmptyWhenTheServiceAnswersNil() {
        try (SoapTestServer server = SoapTestServer.answering(() -> Reply.ok(BatchTaskInfoResponse.of(null)));
                BatchClient client = clientFor(server)) {
            assertThat(client.getBatchTaskInfo(99)).isEqualTo(Optional.empty());
            assertThat(server.receivedCount(BatchOperation.GET_BATCH_TASK_INFO)).isEqualTo(1);
        }
    }

    @Test
    void startAndAwaitPollsUntilTheTaskEndsAndReturnsTheFinalTask() {
        AtomicInteger polls = new AtomicInteger();
        try (SoapTestServer server = SoapTestServer.start(req -> req.operation() == BatchOperation.START_BATCH_JOB
                ? Reply.ok(IntResponse.of(5))
                : Reply.ok(BatchTaskInfoResponse.of(task(5, polls.incrementAndGet() < 3
                        ? BatchTaskState.STARTED
                        : BatchTaskState.SUCCEEDED))));
                BatchClient client = clientFor(server)) {
            BatchTaskInfo done = client.startAndAwait(BatchTaskInfo.named("ExportTask").build(), Duration.ofMillis(20));

            assertThat(done.id()).isEqualTo(5);
            assertThat(done.state()).isEqualTo(BatchTaskState.SUCCEEDED);
            assertThat(server.receivedCount(BatchOperation.START_BATCH_JOB)).isEqualTo(1);
            assertThat(server.receivedCount(BatchOperation.GET_BATCH_TASK_INFO)).isEqualTo(3);
        }
    }

    @Test
    void awaitReturnsTheTerminalStateOfAnExistingTask() {
        AtomicInteger polls = new AtomicInteger();
        try (SoapTestServer server = SoapTestServer.start(req -> Reply.ok(BatchTaskInfoResponse.of(task(
                req.payload(GetBatchTaskInfo.class).id(),
                polls.incrementAndGet() < 2 ? BatchTaskState.STARTED : BatchTaskState.FAILED))));
                BatchClient client = clientFor(server)) {
            BatchTaskInfo done = client.await(12, Duration.ofMillis(20));

            assertThat(done.id()).isEqualTo(12);
            assertThat(done.state()).isEqualTo(BatchTaskState.FAILED);
            assertThat(server.receivedCount(BatchOperation.GET_BATCH_TASK_INFO)).isEqualTo(2);
        }
    }

    @Test
    void startBatchJobsReturnsOneResultPerInput() {
        AtomicInteger ids = new AtomicInteger(100);
        Map<String, Integer> idByName = new ConcurrentHashMap<>();
        try (SoapTestServer server = SoapTestServer.start(req -> {
            int id = ids.incrementAndGet();
            idByName.put(req.payload(StartBatchJob.class).batchTaskInfo().name(), id);
            return Reply.ok(IntResponse.of(id));
        });
                BatchClient client = clientFor(server)) {
            List<BatchTaskInfo> inputs = List.of(BatchTaskInfo.named("A").build(), BatchTaskInfo.named("B").build(),
                    BatchTaskInfo.named("C").build());

            List<StartResult> results = client.startBatchJobs(inputs, 2);

            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.isSuccess()).isTrue();
                assertThat(r.id()).hasValue(idByName.get(r.input().name()));
            });
            assertThat(server.receivedCount(BatchOperation.START_BATCH_JOB)).isEqualTo(3);
        }
    }
}
