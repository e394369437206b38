package dev.sobatch.soap;

import dev.sobatch.model.Namespaces;
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
import java.util.Optional;
import javax.xml.namespace.QName;

/** The 15 operations of Services88 {@code Batch.svc}. */
public enum BatchOperation implements SoapOperation {
    GET_BATCH_TASK_INFO("GetBatchTaskInfo", GetBatchTaskInfo.class, BatchTaskInfoResponse.class, true),
    GET_BATCH_TASK_INFOS_BY_ASSOCIATES("GetBatchTaskInfosByAssociates", GetBatchTaskInfosByAssociates.class,
            BatchTaskInfoListResponse.class, true),
    START_BATCH_JOB("StartBatchJob", StartBatchJob.class, IntResponse.class, false),
    STOP_BATCH_JOB("StopBatchJob", StopBatchJob.class, BooleanResponse.class, true),
    GET_BATCH_TASK_INFOS_BY_STATE("GetBatchTaskInfosByState", GetBatchTaskInfosByState.class,
            BatchTaskInfoListResponse.class, true),
    UPDATE_BATCH_TASK("UpdateBatchTask", UpdateBatchTask.class, BatchTaskInfoResponse.class, false),
    GET_BATCH_TASK_INFOS_BY_NAME_AND_STATE("GetBatchTaskInfosByNameAndState",
            GetBatchTaskInfosByNameAndState.class, BatchTaskInfoListResponse.class, true),
    GET_BATCH_TASK_INFOS_BY_NAME_AND_ASSOCIATES("GetBatchTaskInfosByNameAndAssociates",
            GetBatchTaskInfosByNameAndAssociates.class, BatchTaskInfoListResponse.class, true),
    GET_BATCH_TASK_INFOS_BY_ASSOCIATES_AND_STATE("GetBatchTaskInfosByAssociatesAndState",
            GetBatchTaskInfosByAssociatesAndState.class, BatchTaskInfoListResponse.class, true),
    DELETE_BATCH_TASKS("DeleteBatchTasks", DeleteBatchTasks.class, EmptyResponse.class, true),
    DELETE_BATCH_TASK("DeleteBatchTask", DeleteBatchTask.class, EmptyResponse.class, true),
    GET_ALL_BATCH_TASK_INFOS_BY_NAME("GetAllBatchTaskInfosByName", GetAllBatchTaskInfosByName.class,
            BatchTaskInfoListResponse.class, true),
    GET_ALL_BATCH_TASK_INFOS_BY_NAME_AND_STATE("GetAllBatchTaskInfosByNameAndState",
            GetAllBatchTaskInfosByNameAndState.class, BatchTaskInfoListResponse.class, true),
    GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME("GetSystemBatchTaskInfosByName", GetSystemBatchTaskInfosByName.class,
            BatchTaskInfoListResponse.class, true),
    GET_SYSTEM_BATCH_TASK_INFOS_BY_NAME_AND_STATE("GetSystemBatchTaskInfosByNameAndState",
            GetSystemBatchTaskInfosByNameAndState.class, BatchTaskInfoListResponse.class, true);

    /** Prefix of every Batch.svc action URI. */
    public static final String ACTION_PREFIX = "http://www.superoffice.net/ws/crm/NetServer/Services88/Batch/";

    private final String operationName;
    private final String action;
    private final QName requestElement;
    private final QName responseElement;
    private final Class<?> requestType;
    private final Class<?> responseType;
    private final boolean idempotent;

    BatchOperation(String operationName, Class<?> requestType, Class<?> responseType, boolean idempotent) {
        this.operationName = operationName;
        this.action = ACTION_PREFIX + operationName;
        this.requestElement = new QName(Namespaces.SERVICES88, operationName);
        this.responseElement = new QName(Namespaces.SERVICES88, operationName + "Response");
        this.requestType = requestType;
        this.responseType = responseType;
        this.idempotent = idempotent;
    }

    @Override
    public String operationName() {
        return operationName;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public QName requestElement() {
        return requestElement;
    }

    @Override
    public QName responseElement() {
        return responseElement;
    }

    @Override
    public Class<?> requestType() {
        return requestType;
    }

    @Override
    public Class<?> responseType() {
        return responseType;
    }

    /**
     * StartBatchJob and UpdateBatchTask are not idempotent: sent twice, the first starts two jobs and the
     * second may overwrite a newer state. Queries, StopBatchJob and the deletes are.
     */
    @Override
    public boolean idempotent() {
        return idempotent;
    }

    /** The operation named so (as in the WSDL), case-sensitive. */
    public static Optional<BatchOperation> forName(String operationName) {
        for (BatchOperation op : values()) {
            if (op.operationName.equals(operationName)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
