package dev.sobatch.cli;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sobatch start}: StartBatchJob, optionally followed by waiting for the job to end. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Starts a batch job and prints its id.",
            "With --wait, shows progress on stderr and prints the final state as the last stdout line; "
                    + "exits 0 when it Succeeded, 5 when it Failed, 4 when --wait-timeout passed."})
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    SobatchCommand global;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name of the batch task type.")
    String name;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "A task parameter; repeat for more. Split at the first '='.")
    List<String> params = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "Free-text description of the job.")
    String description;

    @Option(names = "--context", paramLabel = "TEXT", description = "Context string handed to the task.")
    String taskContext;

    @Option(names = "--wait", description = "Wait until the job ends (Succeeded, SucceededManualCleanup or Failed).")
    boolean await;

    @Option(names = "--poll", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1s",
            description = "How often to ask for progress while waiting (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up waiting after this long (exit 4); the job keeps running. Default: no limit.")
    Duration waitTimeout;

    @Override
    public Integer call() {
        BatchTaskInfo info = taskInfo();
        Output output = global.output();
        try (ClientSession session = global.openSession()) {
            int id = session.client().startBatchJob(info);
            output.id(id);
            if (!await) {
                return ExitCodes.OK;
            }
            BatchTaskInfo last = new JobWaiter(session.reactive(), global.context()).await(id, poll, waitTimeout);
            output.finalState(last);
            if (last.state() == BatchTaskState.FAILED) {
                String result = last.result();
                global.context().err().println("sobatch: batch job " + id + " ended Failed"
                        + (result == null || result.isBlank() ? "" : ": " + result));
                return ExitCodes.JOB_FAILED;
            }
            return ExitCodes.OK;
        }
    }

    private BatchTaskInfo taskInfo() {
        if (name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--name must not be blank");
        }
        BatchTaskInfo.Builder builder = BatchTaskInfo.named(name).parameters(parameters());
        if (description != null) {
            builder.description(description);
        }
        if (taskContext != null) {
            builder.context(taskContext);
        }
        return builder.build();
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), eq < 0
                        ? "--param '" + param + "' has no '=' (expected KEY=VALUE)"
                        : "--param '" + param + "' has an empty key (expected KEY=VALUE)");
            }
            String key = param.substring(0, eq);
            if (parameters.putIfAbsent(key, param.substring(eq + 1)) != null) {
                throw new ParameterException(spec.commandLine(), "--param key '" + key + "' given twice");
            }
        }
        return parameters;
    }
}
