package dev.sobatch.simulator;

import static dev.sobatch.soap.BatchOperation.DELETE_BATCH_TASK;
import static dev.sobatch.soap.BatchOperation.DELETE_BATCH_TASKS;
import static dev.sobatch.soap.BatchOperation.GET_BATCH_TASK_INFO;
import static dev.sobatch.soap.BatchOperation.START_BATCH_JOB;
import static dev.sobatch.soap.BatchOperation.STOP_BATCH_JOB;
import static dev.sobatch.soap.BatchOperation.UPDATE_BATCH_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskCancellationBehaviour;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.BooleanResponse;
import dev.sobatch.model.message.DeleteBatchTask;
import dev.sobatch.model.message.DeleteBatchTasks;
import dev.sobatch.model.message.EmptyResponse;
import dev.sobatch.model.message.GetBatchTaskInfo;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.soap.SoapResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskLifecycleTest {
    @RegisterExtension
    final BatchSimulatorExtension ext = new BatchSimulatorExtension(SimulatorConfig.builder()
            .manualClock()
            .taskType("Export", TaskType.succeeding(Duration.ofSeconds(10)).withQueueTime(Duration.ofSeconds(1))
                    .withProgressSteps(4))
            .taskType("Broken", TaskType.failing(Duration.ofSeconds(2), "File not found"))
            .taskType("Reindex", TaskType.longRunning(Duration.ofMinutes(10)))
            .taskType("Stubborn", TaskType.longRunning().withCancellationBehaviour(
                    BatchTaskCancellationBehaviour.CANNOT_CANCEL))
            .build());

    private BatchSimulator sim;
    private SoapHttp http;

    @BeforeEach
    void setUp() {
        sim = ext.simulator();
        http = new SoapHttp(sim);
    }

    private int start(BatchTaskInfo info) {
        return http.ok(START_BATCH_JOB, StartBatchJob.of(info), IntResponse.class).value();
    }

    private BatchTaskInfo get(int id) {
        return http.ok(GET_BATCH_TASK_INFO, GetBatchTaskInfo.of(id), BatchTaskInfoResponse.class).value();
    }

    @Test
    void startedTaskMovesFromNewThroughStartedToSucceededAsTheClockAdvances() {
        int id = start(BatchTaskInfo.named("Export").parameter("format", "csv").build());

        BatchTaskInfo fresh = get(id);
        assertThat(fresh.state()).isEqualTo(BatchTaskState.NEW);
        assertThat(fresh.id()).isEqualTo(id);
        assertThat(fresh.startCount()).isEqualTo(1);
        assertThat(fresh.created()).isEqualTo(sim.clock().now().atOffset(ZoneOffset.UTC));
        assertThat(fresh.lastStarted()).isEqualTo(fresh.created());
        assertThat(fresh.parameters().asMap()).containsEntry("format", "csv");
        assertThat(fresh.associateId()).isEqualTo(SimulatorConfig.TICKET_ASSOCIATE_ID);

        sim.clock().advance(Duration.ofSeconds(1));
        BatchTaskInfo started = get(id);
        assertThat(started.state()).isEqualTo(BatchTaskState.STARTED);
        assertThat(started.progressPercent()).isEqualTo((short) 0);
        assertThat(started.progressDescription()).isEqualTo("Step 1 of 4");

        sim.clock().advance(Duration.ofMillis(5500));
        BatchTaskInfo halfway = get(id);
        assertThat(halfway.state()).isEqualTo(BatchTaskState.STARTED);
        assertThat(halfway.progressPercent()).isEqualTo((short) 50);
        assertThat(halfway.progressDescription()).isEqualTo("Step 3 of 4");

        sim.clock().advance(Duration.ofSeconds(5));
        BatchTaskInfo done = get(id);
        assertThat(done.state()).isEqualTo(BatchTaskState.SUCCEEDED);
        assertThat(done.progressPercent()).isEqualTo((short) 100);
        assertThat(done.result()).isEqualTo("OK");
    }

    @Test
    void idsComeFromASequenceAndStartCountCountsOnFromTheRequest() {
        int first = start(BatchTaskInfo.named("Export").build());
        int second = start(BatchTaskInfo.named("Export").startCount(4).build());
        assertThat(second).isEqualTo(first + 1);
        assertThat(get(second).startCount()).isEqualTo(5);
    }

    @Test
    void failingTypeEndsFailedWithItsResultText() {
        int id = start(BatchTaskInfo.named("broken").build());
        sim.clock().advance(Duration.ofSeconds(3));
        BatchTaskInfo t = get(id);
        assertThat(t.state()).isEqualTo(BatchTaskState.FAILED);
        assertThat(t.result()).isEqualTo("File not found");
    }

    @Test
    void longRunningTaskStaysStartedBelowOneHundredPercent() {
        int id = start(BatchTaskInfo.named("Reindex").build());
        sim.clock().advance(Duration.ofHours(5));
        BatchTaskInfo t = get(id);
        assertThat(t.state()).isEqualTo(BatchTaskState.STARTED);
        assertThat(t.progressPercent()).isLessThan((short) 100).isGreaterThan((short) 0);
    }

    @Test
    void stopBatchJobCancelsACancellableTaskAndKeepsItStoppedLater() {
        int id = start(BatchTaskInfo.named("Reindex").build());
        sim.clock().advance(Duration.ofMinutes(3));

        assertThat(http.ok(STOP_BATCH_JOB, StopBatchJob.of(id), BooleanResponse.class).value()).isTrue();
        sim.clock().advance(Duration.ofHours(1));
        BatchTaskInfo t = get(id);
        assertThat(t.state()).isEqualTo(BatchTaskState.FAILED);
        assertThat(t.result()).isEqualTo("Cancelled by user");
        assertThat(t.progressPercent()).isEqualTo((short) 20);
        assertThat(http.ok(STOP_BATCH_JOB, StopBatchJob.of(id), BooleanResponse.class).value())
                .as("a finished task cannot be stopped again").isFalse();
    }

    @Test
    void stopBatchJobHonoursCannotCancelFromTheTaskType() {
        int id = start(BatchTaskInfo.named("Stubborn").build());
        assertThat(get(id).cancellationBehaviour()).contains(BatchTaskCancellationBehaviour.CANNOT_CANCEL);
        assertThat(http.ok(STOP_BATCH_JOB, StopBatchJob.of(id), BooleanResponse.class).value()).isFalse();
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(get(id).state()).isEqualTo(BatchTaskState.STARTED);
    }

    @Test
    void stopBatchJobHonoursCancellationBehaviourFromTheRequest() {
        int refuses = start(BatchTaskInfo.named("Reindex")
                .cancellationBehaviour(BatchTaskCancellationBehaviour.CANNOT_CANCEL).build());
        int warns = start(BatchTaskInfo.named("Reindex")
                .cancellationBehaviour(BatchTaskCancellationBehaviour.CANCEL_WITH_WARNING).build());

        assertThat(http.ok(STOP_BATCH_JOB, StopBatchJob.of(refuses), BooleanResponse.class).value()).isFalse();
        assertThat(http.ok(STOP_BATCH_JOB, StopBatchJob.of(warns), BooleanResponse.class).value()).isTrue();
        assertThat(get(warns).state()).isEqualTo(BatchTaskState.FAILED);
        assertThat(get(warns).result()).contains("not rolled back");
        assertThat(http.ok(STOP_BATCH_JOB, StopBatchJob.of(9999), BooleanResponse.class).value())
                .as("no such task").isFalse();
    }

    @Test
    void updateBatchTaskChangesOnlyStateDescriptionResponseAndRequest() {
        int id = start(BatchTaskInfo.named("Export").associateId(7).parameter("a", "b").build());
        BatchTaskInfo before = get(id);
        BatchTaskInfo change = before.toBuilder().name("Renamed").associateId(99).parameter("a", "changed")
                .startCount(42).progressPercent(77).result("hacked").state(BatchTaskState.SUCCEEDED)
                .description("desc").response("resp").request("req").build();

        BatchTaskInfo answered = http.ok(UPDATE_BATCH_TASK, UpdateBatchTask.of(change), BatchTaskInfoResponse.class)
                .value();
        sim.clock().advance(Duration.ofMinutes(5));
        BatchTaskInfo after = get(id);

        assertThat(answered).isEqualTo(after);
        assertThat(after.state()).isEqualTo(BatchTaskState.SUCCEEDED);
        assertThat(after.description()).isEqualTo("desc");
        assertThat(after.response()).isEqualTo("resp");
        assertThat(after.request()).isEqualTo("req");
        assertThat(after.name()).isEqualTo("Export");
        assertThat(after.associateId()).isEqualTo(7);
        assertThat(after.parameters().asMap()).containsEntry("a", "b");
        assertThat(after.startCount()).isEqualTo(1);
        assertThat(after.progressPercent()).isEqualTo(before.progressPercent());
        assertThat(after.result()).isNull();
    }

    @Test
    void updateWithoutANewStateLeavesTheLifecycleRunning() {
        int id = start(BatchTaskInfo.named("Export").build());
        BatchTaskInfo current = get(id);
        http.ok(UPDATE_BATCH_TASK, UpdateBatchTask.of(current.toBuilder().description("note").build()),
                BatchTaskInfoResponse.class);
        sim.clock().advance(Duration.ofSeconds(20));
        assertThat(get(id).state()).isEqualTo(BatchTaskState.SUCCEEDED);
        assertThat(get(id).description()).isEqualTo("note");
    }

    @Test
    void updateOfAnUnknownTaskAnswersExceptionInfo() {
        SoapResponse r = http.call(UPDATE_BATCH_TASK, UpdateBatchTask.of(BatchTaskInfo.named("X").id(4242).build()));
        assertThat(r.headers().succeeded()).isFalse();
        assertThat(r.headers().exceptionInfo().message()).contains("4242");
    }

    @Test
    void deleteBatchTaskAndDeleteBatchTasksRemoveTasks() {
        int a = start(BatchTaskInfo.named("Export").build());
        int b = start(BatchTaskInfo.named("Export").build());
        int c = start(BatchTaskInfo.named("Export").build());

        http.ok(DELETE_BATCH_TASK, DeleteBatchTask.of(a), EmptyResponse.class);
        http.ok(DELETE_BATCH_TASKS, DeleteBatchTasks.of(ArrayOfint.of(b, 12345)), EmptyResponse.class);

        assertThat(get(a)).isNull();
        assertThat(get(b)).isNull();
        assertThat(get(c)).isNotNull();
        assertThat(sim.tasks()).extracting(BatchTaskInfo::id).containsExactly(c);
    }

    @Test
    void getBatchTaskInfoOfAnUnknownIdAnswersNil() {
        SoapResponse r = http.call(GET_BATCH_TASK_INFO, GetBatchTaskInfo.of(777));
        assertThat(r.headers().succeeded()).isTrue();
        assertThat(r.payload(BatchTaskInfoResponse.class).value()).isNull();
    }

    @Test
    void systemTaskFlagMakesTheTaskASystemTaskOfAssociateZero() {
        int id = start(BatchTaskInfo.named("Export").systemTask(true).associateId(5).build());
        assertThat(get(id).associateId()).isZero();
        assertThat(get(id).isSystemTask()).isTrue();
    }
}
