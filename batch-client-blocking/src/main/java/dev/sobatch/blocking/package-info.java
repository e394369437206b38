/**
 * The blocking client of Services88 {@code Batch.svc}: {@link dev.sobatch.blocking.BatchClient}, a thin layer
 * that waits on {@link dev.sobatch.reactive.ReactiveBatchClient} and returns plain values.
 */
package dev.sobatch.blocking;
