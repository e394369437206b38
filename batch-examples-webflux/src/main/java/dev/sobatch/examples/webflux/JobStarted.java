package dev.sobatch.examples.webflux;

/** Answer of {@code POST /jobs}. */
public record JobStarted(int id) {
}
