package dev.sobatch.cli;

import dev.sobatch.model.BatchTaskState;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a task state by its wire name ({@code SucceededManualCleanup}) or constant name, ignoring case. */
final class StateConverter implements ITypeConverter<BatchTaskState> {

    @Override
    public BatchTaskState convert(String value) {
        return BatchTaskState.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a task state (one of " + names() + ")"));
    }

    static String names() {
        return Arrays.stream(BatchTaskState.values()).map(BatchTaskState::wireName)
                .collect(Collectors.joining(", "));
    }
}
