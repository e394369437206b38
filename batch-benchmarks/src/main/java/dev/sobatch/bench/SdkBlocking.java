package dev.sobatch.bench;

import dev.sobatch.blocking.BatchClient;

/** Contender (c): {@code BatchClient.startBatchJob} called from one platform thread per call in flight. */
final class SdkBlocking implements Contender.Blocking {
    private final BatchClient client;

    SdkBlocking(String baseUrl, int maxConnections) {
        this.client = BatchClient.builder()
                .endpoint(baseUrl + Payloads.SERVICE_PATH)
                .applicationToken(Payloads.APPLICATION_TOKEN)
                .ticket(Payloads.TICKET)
                .maxConnections(maxConnections)
                .build();
    }

    @Override
    public void call() {
        Contender.expect(client.startBatchJob(Payloads.TASK));
    }

    @Override
    public void close() {
        client.close();
    }
}
