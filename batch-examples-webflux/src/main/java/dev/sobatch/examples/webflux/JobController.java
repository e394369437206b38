package dev.sobatch.examples.webflux;

import dev.sobatch.model.BatchTaskInfo;
import dev.sobatch.reactive.ReactiveBatchClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The jobs API. Every handler returns a publisher; nothing blocks a Netty thread. */
@RestController
@RequestMapping("/jobs")
public class JobController {

    private static final Duration MIN_POLL = Duration.ofMillis(100);

    private final ReactiveBatchClient client;

    public JobController(ReactiveBatchClient client) {
        this.client = client;
    }

    /** Starts a batch job; answers 201 with {@code {"id":N}} and a Location of its event stream. */
    @PostMapping
    public Mono<ResponseEntity<JobStarted>> start(@RequestBody StartJobRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "name is required"));
        }
        BatchTaskInfo.Builder task = BatchTaskInfo.named(request.name())
                .parameters(request.parameters() == null ? Map.of() : request.parameters());
        if (request.description() != null) {
            task.description(request.description());
        }
        return client.startBatchJob(task.build())
                .map(id -> ResponseEntity.created(URI.create("/jobs/" + id + "/events")).body(new JobStarted(id)));
    }

    /** The task as it is now; 404 when the service does not know it. */
    @GetMapping("/{id}")
    public Mono<JobProgress> get(@PathVariable("id") int id) {
        return client.getBatchTaskInfo(id).map(JobProgress::of).switchIfEmpty(notFound(id));
    }

    /**
     * Streams the task's progress as server-sent events: one "progress" event per change, then a "done"
     * event with the final state, then the stream ends.
     */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<JobProgress>> events(@PathVariable("id") int id,
            @RequestParam(name = "pollMillis", defaultValue = "1000") long pollMillis) {
        Duration interval = Duration.ofMillis(Math.max(MIN_POLL.toMillis(), pollMillis));
        return client.getBatchTaskInfo(id)
                .switchIfEmpty(notFound(id))
                .thenMany(client.watch(id, interval))
                .map(JobProgress::of)
                .map(progress -> ServerSentEvent.builder(progress)
                        .event(progress.finished() ? "done" : "progress")
                        .id(progress.state() + ":" + progress.progressPercent())
                        .build());
    }

    private static <T> Mono<T> notFound(int id) {
        return Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no batch task " + id));
    }
}
