package dev.sobatch.examples;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import dev.sobatch.reactive.ReactiveBatchClientBuilder;
import dev.sobatch.reactive.StartResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Starts several batch jobs with bounded concurrency and follows their progress as one {@link Flux}.
 *
 * <pre>
 * java -cp ... dev.sobatch.examples.ReactivePipeline [https://host/Remote/Services88/Batch.svc]
 * </pre>
 */
public final class ReactivePipeline {

    /** At most this many StartBatchJob calls are in flight at once. */
    static final int START_CONCURRENCY = 2;

    private ReactivePipeline() {
    }

    public static void main(String[] args) {
        try (Target target = Target.fromArgsOrEnv(args);
             ReactiveBatchClient client = connect(target)) {
            // block() is fine in main; inside a reactive application return the Flux/Mono instead
            List<BatchTaskInfo> finished = run(client, 5, Duration.ofSeconds(1), System.out).collectList().block();
            System.out.println(finished.size() + " jobs finished");
        }
    }

    static ReactiveBatchClient connect(Target target) {
        ReactiveBatchClientBuilder builder = ReactiveBatchClient.builder().endpoint(target.endpoint());
        if (target.ticket() != null) {
            builder.ticket(target.ticket());
        }
        if (target.applicationToken() != null) {
            builder.applicationToken(target.applicationToken());
        }
        return builder.build();
    }

    /**
     * Starts {@code count} "report" jobs, two at a time, prints every progress change, and emits each job's
     * final state once it ends. A job that could not be started is reported and skipped; the others go on.
     */
    static Flux<BatchTaskInfo> run(ReactiveBatchClient client, int count, Duration poll, PrintStream out) {
        Flux<BatchTaskInfo> jobs = Flux.range(1, count)
                .map(part -> BatchTaskInfo.named("report").parameter("part", Integer.toString(part)).build());

        return client.startBatchJobs(jobs, START_CONCURRENCY)
                .filter(result -> {
                    if (!result.isSuccess()) {
                        out.println("could not start part " + part(result) + ": "
                                + result.error().map(Throwable::getMessage).orElse("unknown error"));
                    }
                    return result.isSuccess();
                })
                // follow every started job at once; watch() polls and emits only changes
                .flatMap(started -> client.watch(id(started), poll)
                        .doOnNext(task -> out.println("job " + task.id() + " (part " + part(started) + "): "
                                + task.state().wireName() + " " + task.progressPercent() + "%"))
                        .last());
    }

    private static String part(StartResult result) {
        return result.input().parameters().get("part");
    }

    private static int id(StartResult result) {
        return result.id().getAsInt();
    }
}
