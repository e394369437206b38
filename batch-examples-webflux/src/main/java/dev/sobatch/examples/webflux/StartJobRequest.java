package dev.sobatch.examples.webflux;

import java.util.Map;

/** Body of {@code POST /jobs}: {@code {"name":"Export","parameters":{"k":"v"},"description":"..."}}. */
public record StartJobRequest(String name, Map<String, String> parameters, String description) {
}
