package dev.sobatch.reactive;

import dev.sobatch.soap.BatchOperation;
import java.net.URI;
import reactor.core.publisher.Mono;

/** The resources and the call pipeline of one client. */
final class ClientRuntime {
    private final URI endpoint;

    private ClientRuntime(ReactiveBatchClientBuilder b) {
        this.endpoint = b.endpoint;
    }

    static ClientRuntime create(ReactiveBatchClientBuilder b) {
        return new ClientRuntime(b);
    }

    URI endpoint() {
        return endpoint;
    }

    <T> Mono<T> call(BatchOperation op, Object payload, Class<T> responseType) {
        return Mono.error(new UnsupportedOperationException(op.operationName() + ": not yet implemented"));
    }

    void close() {
    }
}
