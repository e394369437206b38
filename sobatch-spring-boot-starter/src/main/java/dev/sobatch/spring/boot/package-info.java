/**
 * Spring Boot auto-configuration of the sobatch clients: add {@code dev.sobatch:sobatch-spring-boot-starter},
 * set {@code sobatch.endpoint} and a ticket (or credentials), and inject {@link dev.sobatch.reactive.ReactiveBatchClient}
 * or {@link dev.sobatch.blocking.BatchClient}. See {@link dev.sobatch.spring.boot.SobatchProperties} for the
 * properties and {@link dev.sobatch.spring.boot.SobatchHealthIndicator} for the optional health check.
 */
package dev.sobatch.spring.boot;
