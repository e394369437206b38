package dev.sobatch.examples;

import dev.sobatch.blocking.BatchClient;
import dev.sobatch.blocking.BatchClientBuilder;
import dev.sobatch.client.BatchException;
import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.model.BatchTaskState;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Starts one batch job with the blocking client and waits for it to end.
 *
 * <pre>
 * java -cp ... dev.sobatch.examples.BlockingStartAndWait [https://host/Remote/Services88/Batch.svc]
 * </pre>
 *
 * Credentials come from {@code SOBATCH_TICKET} / {@code SOBATCH_APP_TOKEN}; without an endpoint a local
 * simulator is used.
 */
public final class BlockingStartAndWait {

    private BlockingStartAndWait() {
    }

    public static void main(String[] args) {
        int exitCode;
        try (Target target = Target.fromArgsOrEnv(args);
             BatchClient client = connect(target)) {
            BatchTaskInfo done = run(client, "demo", System.out);
            exitCode = done.state() == BatchTaskState.FAILED ? 1 : 0;
        } catch (BatchException e) {
            // operation() names the SOAP call that failed; the message never contains the ticket
            System.err.println(e.operation() + " failed: " + e.getMessage());
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    /** A client for the target; close it when done (it owns its connection pool). */
    static BatchClient connect(Target target) {
        BatchClientBuilder builder = BatchClient.builder()
                .endpoint(target.endpoint())
                .deadline(Duration.ofSeconds(30));
        if (target.ticket() != null) {
            builder.ticket(target.ticket());
        }
        if (target.applicationToken() != null) {
            builder.applicationToken(target.applicationToken());
        }
        return builder.build();
    }

    /** Starts the job, polls every second until it is Succeeded/Failed, and returns the final task. */
    static BatchTaskInfo run(BatchClient client, String taskName, PrintStream out) {
        BatchTaskInfo request = BatchTaskInfo.named(taskName)
                .parameter("requestedBy", "BlockingStartAndWait")
                .description("started from the sobatch examples")
                .build();

        int id = client.startBatchJob(request);
        out.println("Started batch job " + id + "; waiting for it to finish...");

        BatchTaskInfo done = client.await(id, Duration.ofSeconds(1));
        out.println("Batch job " + id + " ended " + done.state().wireName()
                + (done.result() == null ? "" : ": " + done.result()));
        return done;
    }
}
