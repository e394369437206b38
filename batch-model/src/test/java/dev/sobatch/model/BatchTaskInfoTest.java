package dev.sobatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTaskInfoTest {

    @Test
    void aNewTaskHasTheServicesDefaults() {
        BatchTaskInfo task = BatchTaskInfo.builder().build();

        assertThat(task.id()).isZero();
        assertThat(task.name()).isNull();
        assertThat(task.associateId()).isZero();
        assertThat(task.detailsTable()).isZero();
        assertThat(task.detailsRecord()).isZero();
        assertThat(task.isSystemTask()).isFalse();
        assertThat(task.isInternalTask()).isFalse();
        assertThat(task.parameters().isEmpty()).isTrue();
        assertThat(task.parameters().asMap()).isEmpty();
        assertThat(task.lastStarted()).isNull();
        assertThat(task.created()).isNull();
        assertThat(task.startCount()).isZero();
        assertThat(task.state()).isEqualTo(BatchTaskState.UNKNOWN);
        assertThat(task.stateText()).isEqualTo("Unknown");
        assertThat(task.progressPercent()).isZero();
        assertThat(task.cancellationBehaviour()).isEmpty();
        assertThat(task.cancellationBehaviourText()).isNull();
        assertThat(task.tableRight()).isNull();
        assertThat(task.fieldProperties()).isNull();
    }

    @Test
    void namedSetsTheTaskTypeAndParametersKeepTheirInsertionOrder() {
        BatchTaskInfo task = BatchTaskInfo.named("ExportContacts").parameter("z", "1").parameter("a", "2")
                .parameter("m", "3").parameter("z", "replaced").build();

        assertThat(task.name()).isEqualTo("ExportContacts");
        assertThat(task.parameters().asMap()).containsExactly(entry("z", "replaced"), entry("a", "2"), entry("m", "3"));
        assertThat(task.parameters().pairs()).extracting(StringPair::key).containsExactly("z", "a", "m");
    }

    @Test
    void parametersReplacesEverythingSetBefore() {
        Map<String, String> replacement = new LinkedHashMap<>();
        replacement.put("only", "this");

        BatchTaskInfo task = BatchTaskInfo.named("X").parameter("gone", "1").parameters(replacement).build();

        assertThat(task.parameters().asMap()).containsExactly(entry("only", "this"));
    }

    @Test
    void toBuilderStartsFromTheTaskAndLeavesTheOriginalUnchanged() {
        BatchTaskInfo original = BatchTaskInfo.named("ExportContacts").id(7).parameter("format", "csv")
                .state(BatchTaskState.STARTED).progressPercent(40).build();

        BatchTaskInfo changed = original.toBuilder().state(BatchTaskState.SUCCEEDED).progressPercent(100)
                .parameter("rows", "100").build();

        assertThat(changed.id()).isEqualTo(7);
        assertThat(changed.name()).isEqualTo("ExportContacts");
        assertThat(changed.state()).isEqualTo(BatchTaskState.SUCCEEDED);
        assertThat(changed.progressPercent()).isEqualTo((short) 100);
        assertThat(changed.parameters().asMap()).containsExactly(entry("format", "csv"), entry("rows", "100"));
        assertThat(original.state()).isEqualTo(BatchTaskState.STARTED);
        assertThat(original.progressPercent()).isEqualTo((short) 40);
        assertThat(original.parameters().asMap()).containsExactly(entry("format", "csv"));
        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void aBuilderCanBuildTwiceWithoutTheFirstResultChanging() {
        BatchTaskInfo.Builder builder = BatchTaskInfo.named("X").id(1);
        BatchTaskInfo first = builder.build();

        BatchTaskInfo second = builder.id(2).parameter("k", "v").build();

        assertThat(first.id()).isEqualTo(1);
        assertThat(first.parameters().isEmpty()).isTrue();
        assertThat(second.id()).isEqualTo(2);
    }

    @Test
    void equalTasksHaveEqualHashCodesAndEveryFieldCounts() {
        OffsetDateTime created = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        BatchTaskInfo a = BatchTaskInfo.named("X").id(1).created(created).parameter("k", "v").build();
        BatchTaskInfo b = BatchTaskInfo.named("X").id(1).created(created).parameter("k", "v").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.toBuilder().parameter("k", "other").build());
        assertThat(a).isNotEqualTo(b.toBuilder().description("d").build());
        assertThat(a).isNotEqualTo(b.toBuilder().fileName("f").build());
        assertThat(a).isNotEqualTo(b.toBuilder().cancellationBehaviour(BatchTaskCancellationBehaviour.CANNOT_CANCEL)
                .build());
        assertThat(a).isNotEqualTo(b.toBuilder().tableRight(TableRight.of("Select", null)).build());
        assertThat(a).isNotEqualTo(b.toBuilder().internalTask(true).build());
        assertThat(a).isNotEqualTo(b.toBuilder().created(created.plusNanos(100)).build());
        assertThat(a).isNotEqualTo(null).isNotEqualTo("X");
    }

    @Test
    void toStringShowsIdentityAndParameterKeysButNeverParameterValues() {
        BatchTaskInfo task = BatchTaskInfo.named("ExportContacts").id(4711).state(BatchTaskState.STARTED)
                .progressPercent(40).parameter("password", "hunter2-SECRET").build();

        assertThat(task.toString()).contains("4711", "ExportContacts", "Started", "40", "password")
                .doesNotContain("hunter2-SECRET");
    }

    @Test
    void progressOutsideTheWireRangeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BatchTaskInfo.builder().progressPercent(40_000));
        assertThat(BatchTaskInfo.builder().progressPercent(-1).build().progressPercent()).isEqualTo((short) -1);
    }

    @Test
    void clearingTheStateLeavesItOutAndReadsAsUnknown() {
        BatchTaskInfo task = BatchTaskInfo.named("X").state(null).build();

        assertThat(task.stateText()).isNull();
        assertThat(task.state()).isEqualTo(BatchTaskState.UNKNOWN);
    }
}
