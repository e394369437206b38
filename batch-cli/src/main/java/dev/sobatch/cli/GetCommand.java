package dev.sobatch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sobatch get ID}: GetBatchTaskInfo. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows one batch task (a JSON object with --json). Exits 3 when the service knows no such task.")
final class GetCommand implements Callable<Integer> {

    @ParentCommand
    SobatchCommand global;

    @Parameters(index = "0", paramLabel = "ID", description = "Batch task id.")
    int id;

    @Override
    public Integer call() {
        try (ClientSession session = global.openSession()) {
            global.output().task(session.client().getBatchTaskInfo(id).orElseThrow(() ->
                    new CliFailure(ExitCodes.SERVICE, "the service knows no batch task with id " + id)));
            return ExitCodes.OK;
        }
    }
}
