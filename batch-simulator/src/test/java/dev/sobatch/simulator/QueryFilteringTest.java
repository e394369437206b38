package dev.sobatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sobatch.model.ArrayOfint;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import dev.sobatch.model.message.BatchTaskInfoListResponse;
import dev.sobatch.model.message.BatchTaskInfoResponse;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.model.message.GetAllBatchTaskInfosByName;
import dev.sobatch.model.message.GetAllBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByAssociatesAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndAssociates;
import dev.sobatch.model.message.GetBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.GetBatchTaskInfosByState;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByName;
import dev.sobatch.model.message.GetSystemBatchTaskInfosByNameAndState;
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.soap.BatchOperation;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One fixed population of tasks, each query checked against it: Export of associate 7 (Succeeded),
 * Export of 8 (Started), Import of 7 (Started), a system Export (Succeeded), a system Import (Started).
 */
class QueryFilteringTest {
    @RegisterExtension
    static final BatchSimulatorExtension EXT = new BatchSimulatorExtension(SimulatorConfig.builder().manualClock()
            .taskType("Export", TaskType.longRunning().withQueueTime(Duration.ZERO))
            .taskType("Import", TaskType.longRunning().withQueueTime(Duration.ZERO))
            .build());

    private static int exportDone7;
    private static int exportRunning8;
    private static int importRunning7;
    private static int exportSystemDone;
    private static int importSystemRunning;

    @BeforeAll
    static void population() {
        SoapHttp http = new SoapHttp(EXT.simulator());
        exportDone7 = start(http, "Export", 7, false, true);
        exportRunning8 = start(http, "Export", 8, false, false);
        importRunning7 = start(http, "Import", 7, false, false);
        exportSystemDone = start(http, "Export", 0, true, true);
        importSystemRunning = start(http, "Import", 0, true, false);
        EXT.simulator().clock().advance(Duration.ofSeconds(1));
    }

    /** Starts a long-running task; a worker marks the "done" ones Succeeded through UpdateBatchTask. */
    private static int start(SoapHttp http, String name, int associate, boolean system, boolean done) {
        int id = http.ok(BatchOperation.START_BATCH_JOB, StartBatchJob.of(BatchTaskInfo.named(name)
                .associateId(associate).systemTask(system).build()), IntResponse.class).value();
        if (done) {
            http.ok(BatchOperation.UPDATE_BATCH_TASK, UpdateBatchTask.of(BatchTaskInfo.named(name).id(id)
                    .state(BatchTaskState.SUCCEEDED).build()), BatchTaskInfoResponse.class);
        }
        return id;
    }

    private List<Integer> query(BatchOperation op, Object payload) {
        return new SoapHttp(EXT.simulator()).ok(op, payload, BatchTaskInfoListResponse.class).value().stream()
                .map(BatchTaskInfo::id).collect(Collectors.toList());
    }

    private static ArrayOfint ids(int... ids) {
        return ArrayOfint.of(ids);
    }

    @Test
    void byStateMatchesTheStateAndAllMatchesEveryState() {
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, GetBatchTaskInfosByState.of(
                BatchTaskState.STARTED))).containsExactly(exportRunning8, importRunning7, importSystemRunning);
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, GetBatchTaskInfosByState.of(
                BatchTaskState.ALL))).hasSize(5);
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_STATE, GetBatchTaskInfosByState.of(
                BatchTaskState.FAILED))).isEmpty();
    }

    @Test
    void byAssociatesMatchesListedAssociatesWithEmptyForAllZeroForSystemAndMinusOneForAllUsers() {
        BatchOperation op = BatchOperation.GET_BATCH_TASK_INFOS_BY_ASSOCIATES;
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids(7)))).containsExactly(exportDone7, importRunning7);
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids(8, 7)))).hasSize(3);
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids()))).hasSize(5);
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids(0))))
                .containsExactly(exportSystemDone, importSystemRunning);
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids(-1))))
                .containsExactly(exportDone7, exportRunning8, importRunning7);
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids(0, 8))))
                .containsExactly(exportRunning8, exportSystemDone, importSystemRunning);
        assertThat(query(op, GetBatchTaskInfosByAssociates.of(ids(99)))).isEmpty();
    }

    @Test
    void byNameAndStateMatchesBoth() {
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetBatchTaskInfosByNameAndState.of("Export", BatchTaskState.SUCCEEDED)))
                .containsExactly(exportDone7, exportSystemDone);
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetBatchTaskInfosByNameAndState.of("export", BatchTaskState.ALL)))
                .as("names compare case-insensitively").hasSize(3);
    }

    @Test
    void byNameAndAssociatesMatchesBoth() {
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES,
                GetBatchTaskInfosByNameAndAssociates.of("Export", ids(7, 0))))
                .containsExactly(exportDone7, exportSystemDone);
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES,
                GetBatchTaskInfosByNameAndAssociates.of("Import", ids(-1)))).containsExactly(importRunning7);
    }

    @Test
    void byAssociatesAndStateMatchesBoth() {
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_ASSOCIATES_AND_STATE,
                GetBatchTaskInfosByAssociatesAndState.of(ids(7), BatchTaskState.STARTED)))
                .containsExactly(importRunning7);
        assertThat(query(BatchOperation.GET_BATCH_TASK_INFOS_BY_ASSOCIATES_AND_STATE,
                GetBatchTaskInfosByAssociatesAndState.of(ids(), BatchTaskState.SUCCEEDED)))
                .containsExactly(exportDone7, exportSystemDone);
    }

    @Test
    void allByNameMatchesUserAndSystemTasks() {
        assertThat(query(BatchOperation.GET_ALL_BATCH_TASK_INFOS_BY_NAME, GetAllBatchTaskInfosByName.of("Import")))
                .containsExactly(importRunning7, importSystemRunning);
        assertThat(query(BatchOperation.GET_ALL_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetAllBatchTaskInfosByNameAndState.of("Export", BatchTaskState.STARTED)))
                .containsExactly(exportRunning8);
    }

    @Test
    void systemQueriesMatchOnlySystemTasks() {
        assertThat(query(BatchOperation.GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME,
                GetSystemBatchTaskInfosByName.of("Export"))).containsExactly(exportSystemDone);
        assertThat(query(BatchOperation.GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetSystemBatchTaskInfosByNameAndState.of("Import", BatchTaskState.STARTED)))
                .containsExactly(importSystemRunning);
        assertThat(query(BatchOperation.GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE,
                GetSystemBatchTaskInfosByNameAndState.of("Import", BatchTaskState.SUCCEEDED))).isEmpty();
    }
}
