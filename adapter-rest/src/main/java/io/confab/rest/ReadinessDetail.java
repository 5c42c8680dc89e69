package io.confab.rest;

import java.util.Map;

/**
 * A dependency {@code GET /health/ready} shows but that never fails readiness (Redis fan-out,
 * external MCP servers): its state as JSON-ready values (strings, numbers, booleans, lists and
 * maps of them), conventionally with a {@code status} entry. Must answer at once.
 */
@FunctionalInterface
public interface ReadinessDetail {

    Map<String, ?> describe();
}
