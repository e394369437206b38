package dev.sobatch.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
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
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.reactive.testing.Answer;
import dev.sobatch.reactive.testing.TestServer;
import dev.sobatch.soap.SoapVersion;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

class OperationsTest {
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final BatchTaskInfo A = BatchTaskInfo.named("Export").id(1).state(BatchTaskState.STARTED).build();
    private static final BatchTaskInfo B = BatchTaskInfo.named("Import").id(2).state(BatchTaskState.NEW).build();

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ReactiveBatchClient client(SoapVersion v) {
        return ReactiveBatchClient.builder().endpoint(server.batchUrl()).ticket("t").soapVersion(v).build();
    }

    @ParameterizedTest
    @EnumSource(SoapVersion.class)
    void singleTaskOperationsSendTheirPayloadAndMapTheAnswer(SoapVersion v) {
        server.then(Answer.ok(BatchTaskInfoResponse.of(A)), Answer.ok(BatchTaskInfoResponse.of(null)),
                Answer.ok(BooleanResponse.of(true)), Answer.ok(BatchTaskInfoResponse.of(B)),
                Answer.ok(EmptyResponse.instance()), Answer.ok(EmptyResponse.instance()));
        try (ReactiveBatchClient c = client(v)) {
            assertThat(c.getBatchTaskInfo(1).block(GUARD)).isEqualTo(A);
            assertThat(c.getBatchTaskInfo(99).blockOptional(GUARD)).isEmpty();
            assertThat(c.stopBatchJob(1).block(GUARD)).isTrue();
            assertThat(c.updateBatchTask(B).block(GUARD)).isEqualTo(B);
            c.deleteBatchTask(5).block(GUARD);
            c.deleteBatchTasks(List.of(5, 6)).block(GUARD);
        }
        var r = server.requests();
        assertThat(r).hasSize(6);
        assertThat(r.get(0).payload(GetBatchTaskInfo.class)).isEqualTo(GetBatchTaskInfo.of(1));
        assertThat(r.get(1).payload(GetBatchTaskInfo.class)).isEqualTo(GetBatchTaskInfo.of(99));
        assertThat(r.get(2).payload(StopBatchJob.class)).isEqualTo(StopBatchJob.of(1));
        assertThat(r.get(3).payload(UpdateBatchTask.class)).isEqualTo(UpdateBatchTask.of(B));
        assertThat(r.get(4).payload(DeleteBatchTask.class)).isEqualTo(DeleteBatchTask.of(5));
        assertThat(r.get(5).payload(DeleteBatchTasks.class)).isEqualTo(DeleteBatchTasks.of(ArrayOfint.of(5, 6)));
        assertThat(r).allSatisfy(x -> assertThat(x.soap().version()).isEqualTo(v));
    }

    enum Query {
        BY_STATE(c -> c.getBatchTaskInfosByState(BatchTaskState.STARTED), GetBatchTaskInfosByState.of(BatchTaskState.STARTED)),
        BY_ASSOCIATES(c -> c.getBatchTaskInfosByAssociates(List.of(3, 4)), GetBatchTaskInfosByAssociates.of(ArrayOfint.of(3, 4))),
        BY_NAME_AND_STATE(c -> c.getBatchTaskInfosByNameAndState("Export", BatchTaskState.NEW),
                GetBatchTaskInfosByNameAndState.of("Export", BatchTaskState.NEW)),
        BY_NAME_AND_ASSOCIATES(c -> c.getBatchTaskInfosByNameAndAssociates("Export", List.of(3)),
                GetBatchTaskInfosByNameAndAssociates.of("Export", ArrayOfint.of(3))),
        BY_ASSOCIATES_AND_STATE(c -> c.getBatchTaskInfosByAssociatesAndState(List.of(3), BatchTaskState.FAILED),
                GetBatchTaskInfosByAssociatesAndState.of(ArrayOfint.of(3), BatchTaskState.FAILED)),
        ALL_BY_NAME(c -> c.getAllBatchTaskInfosByName("Export"), GetAllBatchTaskInfosByName.of("Export")),
        ALL_BY_NAME_AND_STATE(c -> c.getAllBatchTaskInfosByNameAndState("Export", BatchTaskState.SUCCEEDED),
                GetAllBatchTaskInfosByNameAndState.of("Export", BatchTaskState.SUCCEEDED)),
        SYSTEM_BY_NAME(c -> c.getSystemBatchTaskInfosByName("Sys"), GetSystemBatchTaskInfosByName.of("Sys")),
        SYSTEM_BY_NAME_AND_STATE(c -> c.getSystemBatchTaskInfosByNameAndState("Sys", BatchTaskState.STARTED),
                GetSystemBatchTaskInfosByNameAndState.of("Sys", BatchTaskState.STARTED));

        final Function<ReactiveBatchClient, Flux<BatchTaskInfo>> call;
        final Object expectedPayload;

        Query(Function<ReactiveBatchClient, Flux<BatchTaskInfo>> call, Object expectedPayload) {
            this.call = call;
            this.expectedPayload = expectedPayload;
        }
    }

    @ParameterizedTest
    @EnumSource(Query.class)
    void everyQuerySendsItsPayloadAndStreamsTheTasksInOrder(Query q) {
        server.then(Answer.ok(BatchTaskInfoListResponse.of(List.of(A, B))), Answer.ok(BatchTaskInfoListResponse.of(List.of())));
        try (ReactiveBatchClient c = client(SoapVersion.SOAP_11)) {
            assertThat(q.call.apply(c).collectList().block(GUARD)).containsExactly(A, B);
            assertThat(q.call.apply(c).collectList().block(GUARD)).isEmpty();
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(server.last().payload(q.expectedPayload.getClass())).isEqualTo(q.expectedPayload);
    }

    @ParameterizedTest
    @EnumSource(SoapVersion.class)
    void gzipResponsesAreDecoded(SoapVersion v) {
        server.then(Answer.gzipOk(BatchTaskInfoListResponse.of(List.of(A, B))));
        try (ReactiveBatchClient c = client(v)) {
            assertThat(c.getAllBatchTaskInfosByName("Export").collectList().block(GUARD)).containsExactly(A, B);
        }
    }
}
