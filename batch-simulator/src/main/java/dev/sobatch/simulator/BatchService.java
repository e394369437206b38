package dev.sobatch.simulator;

import dev.sobatch.model.BatchTaskCancellationBehaviour;
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
import dev.sobatch.model.message.IntResponse;
import dev.sobatch.model.message.StartBatchJob;
import dev.sobatch.model.message.StopBatchJob;
import dev.sobatch.model.message.UpdateBatchTask;
import dev.sobatch.soap.BatchOperation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The 15 Batch.svc operations over the {@link TaskStore}. Each takes the decoded request and answers the
 * response payload, or throws {@link ServiceFailure} for an application error.
 */
final class BatchService {
    private final TaskStore store;
    private final SimulatorConfig config;
    private final SimulatorClock clock;

    BatchService(TaskStore store, SimulatorConfig config) {
        this.store = store;
        this.config = config;
        this.clock = config.clock();
    }

    Object execute(BatchOperation op, Object payload, int associateId) {
        switch (op) {
            case START_BATCH_JOB:
                return IntResponse.of(start(((StartBatchJob) payload).batchTaskInfo(), associateId));
            case GET_BATCH_TASK_INFO:
                return BatchTaskInfoResponse.of(store.view(((GetBatchTaskInfo) payload).id(), clock.now()).orElse(null));
            case STOP_BATCH_JOB:
                return BooleanResponse.of(stop(((StopBatchJob) payload).id()));
            case UPDATE_BATCH_TASK:
                return BatchTaskInfoResponse.of(update(((UpdateBatchTask) payload).batchTaskInfo()));
            case DELETE_BATCH_TASK:
                store.remove(((DeleteBatchTask) payload).batchTaskId());
                return EmptyResponse.instance();
            case DELETE_BATCH_TASKS:
                DeleteBatchTasks d = (DeleteBatchTasks) payload;
                if (d.batchTaskIds() != null) {
                    d.batchTaskIds().values().forEach(store::remove);
                }
                return EmptyResponse.instance();
            default:
                return BatchTaskInfoListResponse.of(query(op, payload));
        }
    }

    private int start(BatchTaskInfo info, int callerAssociateId) {
        if (info == null) {
            throw ServiceFailure.argument("BatchTaskInfo must not be null");
        }
        Optional<TaskType> configured = config.taskType(info.name());
        if (configured.isEmpty() && !config.acceptUnknownTaskNames()) {
            throw new ServiceFailure("SoException", "Unknown batch task type '" + printable(info.name()) + "'");
        }
        TaskType type = configured.orElseGet(() -> TaskType.succeeding(config.defaultDuration()));
        Instant now = clock.now();
        // .NET keeps DateTime in 100 ns ticks: store what a client can read back exactly.
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC).withNano(now.getNano() - now.getNano() % 100);
        int owner = info.isSystemTask() ? 0 : info.associateId() != 0 ? info.associateId() : callerAssociateId;
        BatchTaskCancellationBehaviour cancel = info.cancellationBehaviour().orElse(type.cancellationBehaviour());
        return store.add(id -> new StoredTask(info.toBuilder().id(id).associateId(owner).systemTask(owner == 0)
                .created(at).lastStarted(at)
                .startCount(Math.max(0, info.startCount()) + 1).state(BatchTaskState.NEW).progressPercent(0)
                .progressDescription(null).result(null).cancellationBehaviour(cancel).build(), type, now, null),
                now).id();
    }

    /** Honours the task's CancellationBehaviour: CannotCancel refuses; the others end the task as Failed. */
    private boolean stop(int id) {
        Instant now = clock.now();
        boolean[] stopped = {false};
        store.update(id, t -> {
            BatchTaskInfo current = TaskLifecycle.view(t, now);
            BatchTaskCancellationBehaviour behaviour = current.cancellationBehaviour()
                    .orElse(BatchTaskCancellationBehaviour.CAN_CANCEL);
            if (current.state().isTerminal() || behaviour == BatchTaskCancellationBehaviour.CANNOT_CANCEL) {
                return t;
            }
            stopped[0] = true;
            String result = behaviour == BatchTaskCancellationBehaviour.CANCEL_WITH_WARNING
                    ? "Cancelled by user; work already done was not rolled back" : "Cancelled by user";
            return t.freeze(current.toBuilder().state(BatchTaskState.FAILED).progressDescription("Cancelled")
                    .result(result).build());
        });
        return stopped[0];
    }

    /** Changes only State, Description, Response and Request; a new state takes the task off its lifecycle. */
    private BatchTaskInfo update(BatchTaskInfo info) {
        if (info == null) {
            throw ServiceFailure.argument("BatchTaskInfo must not be null");
        }
        BatchTaskState newState = info.state();
        if (newState == BatchTaskState.ALL) {
            throw ServiceFailure.argument("'All' is a query filter, not a task state");
        }
        Instant now = clock.now();
        Optional<StoredTask> updated = store.update(info.id(), t -> {
            BatchTaskInfo current = TaskLifecycle.view(t, now);
            boolean stateChanges = newState != BatchTaskState.UNKNOWN && newState != current.state();
            if (stateChanges || t.frozen() != null) {
                BatchTaskState state = stateChanges ? newState : current.state();
                return t.freeze(withEditableFields(current, info).state(state).build());
            }
            return t.withBase(withEditableFields(t.base(), info).build());
        });
        return TaskLifecycle.view(updated.orElseThrow(
                () -> ServiceFailure.argument("There is no batch task with id " + info.id())), now);
    }

    private static BatchTaskInfo.Builder withEditableFields(BatchTaskInfo target, BatchTaskInfo from) {
        return target.toBuilder().description(from.description()).response(from.response()).request(from.request());
    }

    private List<BatchTaskInfo> query(BatchOperation op, Object p) {
        Predicate<BatchTaskInfo> filter;
        switch (op) {
            case GET_BATCH_TASK_INFOS_BY_STATE: {
                GetBatchTaskInfosByState q = (GetBatchTaskInfosByState) p;
                filter = TaskQueries.state(q.state(), q.stateText());
                break;
            }
            case GET_BATCH_TASK_INFOS_BY_ASSOCIATES:
                filter = TaskQueries.associates(((GetBatchTaskInfosByAssociates) p).associateIds());
                break;
            case GET_BATCH_TASK_INFOS_BY_NAME_AND_STATE: {
                GetBatchTaskInfosByNameAndState q = (GetBatchTaskInfosByNameAndState) p;
                filter = TaskQueries.name(q.name()).and(TaskQueries.state(q.state(), q.stateText()));
                break;
            }
            case GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES: {
                GetBatchTaskInfosByNameAndAssociates q = (GetBatchTaskInfosByNameAndAssociates) p;
                filter = TaskQueries.name(q.name()).and(TaskQueries.associates(q.associateIds()));
                break;
            }
            case GET_BATCH_TASK_INFOS_BY_ASSOCIATES_AND_STATE: {
                GetBatchTaskInfosByAssociatesAndState q = (GetBatchTaskInfosByAssociatesAndState) p;
                filter = TaskQueries.associates(q.associateIds()).and(TaskQueries.state(q.state(), q.stateText()));
                break;
            }
            case GET_ALL_BATCH_TASK_INFOS_BY_NAME:
                filter = TaskQueries.name(((GetAllBatchTaskInfosByName) p).taskName());
                break;
            case GET_ALL_BATCH_TASK_INFOS_BY_NAME_AND_STATE: {
                GetAllBatchTaskInfosByNameAndState q = (GetAllBatchTaskInfosByNameAndState) p;
                filter = TaskQueries.name(q.taskName()).and(TaskQueries.state(q.state(), q.stateText()));
                break;
            }
            case GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME:
                filter = TaskQueries.name(((GetSystemBatchTaskInfosByName) p).taskName()).and(TaskQueries.system());
                break;
            case GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE: {
                GetSystemBatchTaskInfosByNameAndState q = (GetSystemBatchTaskInfosByNameAndState) p;
                filter = TaskQueries.name(q.taskName()).and(TaskQueries.system())
                        .and(TaskQueries.state(q.state(), q.stateText()));
                break;
            }
            default:
                throw new IllegalStateException("not a query: " + op);
        }
        return store.views(clock.now()).stream().filter(filter).collect(Collectors.toList());
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String s = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
