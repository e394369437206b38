package dev.sobatch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sobatch stop ID}: StopBatchJob. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Asks the service to stop a running batch job; prints true when it agreed, false otherwise.")
final class StopCommand implements Callable<Integer> {

    @ParentCommand
    SobatchCommand global;

    @Parameters(index = "0", paramLabel = "ID", description = "Batch job id.")
    int id;

    @Override
    public Integer call() {
        try (ClientSession session = global.openSession()) {
            global.output().stopped(id, session.client().stopBatchJob(id));
            return ExitCodes.OK;
        }
    }
}
