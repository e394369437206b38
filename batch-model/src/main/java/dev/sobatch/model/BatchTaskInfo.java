package dev.sobatch.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch task: what {@code StartBatchJob} is given, and what the queries return.
 *
 * <p>Immutable. Build one with {@link #named(String)} or {@link #builder()}:
 * <pre>{@code
 * BatchTaskInfo info = BatchTaskInfo.named("ExportContacts").parameter("format", "csv").build();
 * }</pre>
 * Defaults are the values the service itself uses for a new task: numbers 0, flags false, state
 * {@link BatchTaskState#UNKNOWN}, an empty {@code ParameterObject}, and no dates (the service sets them).
 *
 * <p>Enumerations are kept as their wire text too ({@link #stateText()}), so a state a newer server
 * invents is not lost: {@link #state()} then answers {@link BatchTaskState#UNKNOWN}.
 */
@XmlType(name = "BatchTaskInfo", propOrder = {"id", "name", "associateId", "detailsTable", "detailsRecord",
        "isSystemTask", "isInternalTask", "parameterObject", "lastStarted", "created", "startCount",
        "databaseSerialNumber", "context", "result", "state", "description", "response", "request",
        "progressDescription", "progressPercent", "fileName", "cancellationBehaviour"})
public final class BatchTaskInfo extends Carrier {
    @XmlElement(name = "Id")
    private int id;
    @XmlElement(name = "Name", nillable = true)
    private String name;
    @XmlElement(name = "AssociateId")
    private int associateId;
    @XmlElement(name = "DetailsTable")
    private short detailsTable;
    @XmlElement(name = "DetailsRecord")
    private int detailsRecord;
    @XmlElement(name = "IsSystemTask")
    private boolean isSystemTask;
    @XmlElement(name = "IsInternalTask")
    private boolean isInternalTask;
    @XmlElement(name = "ParameterObject", nillable = true)
    private StringDictionary parameterObject;
    @XmlElement(name = "LastStarted")
    @XmlJavaTypeAdapter(DotNetDateTimeAdapter.class)
    private OffsetDateTime lastStarted;
    @XmlElement(name = "Created")
    @XmlJavaTypeAdapter(DotNetDateTimeAdapter.class)
    private OffsetDateTime created;
    @XmlElement(name = "StartCount")
    private int startCount;
    @XmlElement(name = "DatabaseSerialNumber", nillable = true)
    private String databaseSerialNumber;
    @XmlElement(name = "Context", nillable = true)
    private String context;
    @XmlElement(name = "Result", nillable = true)
    private String result;
    @XmlElement(name = "State")
    private String state;
    @XmlElement(name = "Description", nillable = true)
    private String description;
    @XmlElement(name = "Response", nillable = true)
    private String response;
    @XmlElement(name = "Request", nillable = true)
    private String request;
    @XmlElement(name = "ProgressDescription", nillable = true)
    private String progressDescription;
    @XmlElement(name = "ProgressPercent")
    private short progressPercent;
    @XmlElement(name = "FileName", nillable = true)
    private String fileName;
    @XmlElement(name = "CancellationBehaviour")
    private String cancellationBehaviour;

    BatchTaskInfo() {
    }

    /** A builder for a task of this type (the {@code Name} the service dispatches on). */
    public static Builder named(String name) {
        return builder().name(name);
    }

    public static Builder builder() {
        return new Builder(new BatchTaskInfo());
    }

    /** A builder that starts from this task's values. */
    public Builder toBuilder() {
        return new Builder(copy());
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int associateId() {
        return associateId;
    }

    public short detailsTable() {
        return detailsTable;
    }

    public int detailsRecord() {
        return detailsRecord;
    }

    public boolean isSystemTask() {
        return isSystemTask;
    }

    public boolean isInternalTask() {
        return isInternalTask;
    }

    /** The task's parameters; never {@code null} (a nil dictionary reads as empty). */
    public StringDictionary parameters() {
        return parameterObject == null ? StringDictionary.empty() : parameterObject;
    }

    /** When the task last started; {@code null} for never. See {@link DotNetDateTimeAdapter} for zones. */
    public OffsetDateTime lastStarted() {
        return lastStarted;
    }

    /** When the task was created; {@code null} when the service did not say. */
    public OffsetDateTime created() {
        return created;
    }

    public int startCount() {
        return startCount;
    }

    public String databaseSerialNumber() {
        return databaseSerialNumber;
    }

    public String context() {
        return context;
    }

    public String result() {
        return result;
    }

    /** The state; {@link BatchTaskState#UNKNOWN} when missing or unknown to this SDK version. */
    public BatchTaskState state() {
        return BatchTaskState.fromWire(state);
    }

    /** The state exactly as the service wrote it, or {@code null} when it was left out. */
    public String stateText() {
        return state;
    }

    public String description() {
        return description;
    }

    public String response() {
        return response;
    }

    public String request() {
        return request;
    }

    public String progressDescription() {
        return progressDescription;
    }

    public short progressPercent() {
        return progressPercent;
    }

    public String fileName() {
        return fileName;
    }

    /** The cancellation behaviour; empty when the server is too old to send it or sends a new value. */
    public Optional<BatchTaskCancellationBehaviour> cancellationBehaviour() {
        return BatchTaskCancellationBehaviour.parse(cancellationBehaviour);
    }

    /** The cancellation behaviour exactly as the service wrote it, or {@code null}. */
    public String cancellationBehaviourText() {
        return cancellationBehaviour;
    }

    private BatchTaskInfo copy() {
        BatchTaskInfo c = new BatchTaskInfo();
        c.tableRight = tableRight;
        c.fieldProperties = fieldProperties;
        c.id = id;
        c.name = name;
        c.associateId = associateId;
        c.detailsTable = detailsTable;
        c.detailsRecord = detailsRecord;
        c.isSystemTask = isSystemTask;
        c.isInternalTask = isInternalTask;
        c.parameterObject = parameterObject;
        c.lastStarted = lastStarted;
        c.created = created;
        c.startCount = startCount;
        c.databaseSerialNumber = databaseSerialNumber;
        c.context = context;
        c.result = result;
        c.state = state;
        c.description = description;
        c.response = response;
        c.request = request;
        c.progressDescription = progressDescription;
        c.progressPercent = progressPercent;
        c.fileName = fileName;
        c.cancellationBehaviour = cancellationBehaviour;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchTaskInfo t)) {
            return false;
        }
        return id == t.id && associateId == t.associateId && detailsTable == t.detailsTable
                && detailsRecord == t.detailsRecord && isSystemTask == t.isSystemTask
                && isInternalTask == t.isInternalTask && startCount == t.startCount
                && progressPercent == t.progressPercent && Objects.equals(name, t.name)
                && Objects.equals(parameters(), t.parameters()) && Objects.equals(lastStarted, t.lastStarted)
                && Objects.equals(created, t.created) && Objects.equals(databaseSerialNumber, t.databaseSerialNumber)
                && Objects.equals(context, t.context) && Objects.equals(result, t.result)
                && Objects.equals(state, t.state) && Objects.equals(description, t.description)
                && Objects.equals(response, t.response) && Objects.equals(request, t.request)
                && Objects.equals(progressDescription, t.progressDescription) && Objects.equals(fileName, t.fileName)
                && Objects.equals(cancellationBehaviour, t.cancellationBehaviour)
                && Objects.equals(tableRight, t.tableRight) && Objects.equals(fieldProperties, t.fieldProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, state, progressPercent, startCount, created);
    }

    /** Identity, state and progress; parameters by key only, since their values may be sensitive. */
    @Override
    public String toString() {
        return "BatchTaskInfo[id=" + id + ", name=" + name + ", state=" + state + ", progress=" + progressPercent
                + "%, associateId=" + associateId + ", startCount=" + startCount + ", parameters="
                + parameters().asMap().keySet() + "]";
    }

    /** Builds a {@link BatchTaskInfo}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final BatchTaskInfo t;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(BatchTaskInfo start) {
            this.t = start;
            if (t.state == null) {
                t.state = BatchTaskState.UNKNOWN.wireName();
            }
            parameters.putAll(start.parameters().asMap());
        }

        public Builder id(int id) {
            t.id = id;
            return this;
        }

        /** The task type the service runs, e.g. {@code ExportContacts}. */
        public Builder name(String name) {
            t.name = name;
            return this;
        }

        public Builder associateId(int associateId) {
            t.associateId = associateId;
            return this;
        }

        public Builder detailsTable(short detailsTable) {
            t.detailsTable = detailsTable;
            return this;
        }

        public Builder detailsRecord(int detailsRecord) {
            t.detailsRecord = detailsRecord;
            return this;
        }

        public Builder systemTask(boolean systemTask) {
            t.isSystemTask = systemTask;
            return this;
        }

        public Builder internalTask(boolean internalTask) {
            t.isInternalTask = internalTask;
            return this;
        }

        /** Adds or replaces one parameter; order of first insertion is kept on the wire. */
        public Builder parameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        /** Replaces all parameters. */
        public Builder parameters(Map<String, String> parameters) {
            this.parameters.clear();
            this.parameters.putAll(parameters);
            return this;
        }

        public Builder lastStarted(OffsetDateTime lastStarted) {
            t.lastStarted = lastStarted;
            return this;
        }

        public Builder created(OffsetDateTime created) {
            t.created = created;
            return this;
        }

        public Builder startCount(int startCount) {
            t.startCount = startCount;
            return this;
        }

        public Builder databaseSerialNumber(String databaseSerialNumber) {
            t.databaseSerialNumber = databaseSerialNumber;
            return this;
        }

        public Builder context(String context) {
            t.context = context;
            return this;
        }

        public Builder result(String result) {
            t.result = result;
            return this;
        }

        public Builder state(BatchTaskState state) {
            t.state = state == null ? null : state.wireName();
            return this;
        }

        public Builder description(String description) {
            t.description = description;
            return this;
        }

        public Builder response(String response) {
            t.response = response;
            return this;
        }

        public Builder request(String request) {
            t.request = request;
            return this;
        }

        public Builder progressDescription(String progressDescription) {
            t.progressDescription = progressDescription;
            return this;
        }

        public Builder progressPercent(int progressPercent) {
            if (progressPercent < Short.MIN_VALUE || progressPercent > Short.MAX_VALUE) {
                throw new IllegalArgumentException("progressPercent out of range: " + progressPercent);
            }
            t.progressPercent = (short) progressPercent;
            return this;
        }

        public Builder fileName(String fileName) {
            t.fileName = fileName;
            return this;
        }

        /** Sent only when set: servers older than the field would not expect it. */
        public Builder cancellationBehaviour(BatchTaskCancellationBehaviour behaviour) {
            t.cancellationBehaviour = behaviour == null ? null : behaviour.wireName();
            return this;
        }

        public Builder tableRight(TableRight tableRight) {
            t.tableRight = tableRight;
            return this;
        }

        public Builder fieldProperties(FieldPropertyDictionary fieldProperties) {
            t.fieldProperties = fieldProperties;
            return this;
        }

        public BatchTaskInfo build() {
            t.parameterObject = StringDictionary.of(parameters);
            return t.copy();
        }
    }
}
