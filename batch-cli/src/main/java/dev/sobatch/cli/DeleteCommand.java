package dev.sobatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sobatch delete ID...}: DeleteBatchTask, or DeleteBatchTasks for several ids in one call. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes batch tasks. Prints nothing ({\"deleted\":[ids]} with --json).")
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    SobatchCommand global;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Batch task ids.")
    List<Integer> ids;

    @Override
    public Integer call() {
        List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        try (ClientSession session = global.openSession()) {
            if (distinct.size() == 1) {
                session.client().deleteBatchTask(distinct.get(0));
            } else {
                session.client().deleteBatchTasks(distinct);
            }
            global.output().deleted(distinct);
            return ExitCodes.OK;
        }
    }
}
