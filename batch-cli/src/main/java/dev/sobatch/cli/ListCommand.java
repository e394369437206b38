package dev.sobatch.cli;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sobatch list}: GetBatchTaskInfosByState without a name, GetAllBatchTaskInfosByName(AndState) with one.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists batch tasks, one per line: id, state, progress, name (a JSON array with --json).",
            "Without --state every state is listed."})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    SobatchCommand global;

    @Option(names = "--state", paramLabel = "STATE", converter = StateConverter.class,
            description = "Only tasks in this state: New, Aquired, Started, Succeeded, Failed, "
                    + "SucceededManualCleanup (or All).")
    BatchTaskState state;

    @Option(names = "--name", paramLabel = "NAME", description = "Only tasks with this name.")
    String name;

    @Override
    public Integer call() {
        BatchTaskState filter = state == null ? BatchTaskState.ALL : state;
        try (ClientSession session = global.openSession()) {
            global.output().tasks(query(session.client(), filter));
            return ExitCodes.OK;
        }
    }

    private List<BatchTaskInfo> query(BatchClient client, BatchTaskState filter) {
        if (name == null) {
            return client.getBatchTaskInfosByState(filter);
        }
        return filter == BatchTaskState.ALL
                ? client.getAllBatchTaskInfosByName(name)
                : client.getAllBatchTaskInfosByNameAndState(name, filter);
    }
}
