package io.confab.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.domain.model.ToolCallRequest;
import io.confab.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Joins streamed tool-call deltas into complete calls. The API names a call's id and function in
 * its first delta and streams the arguments in later ones, all keyed by {@code index}; several
 * calls of one round may interleave.
 */
final class ToolCallAssembler {

    private static final class Partial {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
    }

    private final TreeMap<Long, Partial> partials = new TreeMap<>();

    /** One {@code tool_calls} entry of a chunk's delta. */
    void add(JsonNode delta) {
        Partial partial = partials.computeIfAbsent(delta.path("index").asLong(), index -> new Partial());
        if (!text(delta, "id").isEmpty()) {
            partial.id = text(delta, "id");
        }
        JsonNode function = delta.path("function");
        if (!text(function, "name").isEmpty()) {
            partial.name = text(function, "name");
        }
        partial.arguments.append(text(function, "arguments"));
    }

    /** The field's text; empty when it is missing, null or not text. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    boolean isEmpty() {
        return partials.isEmpty();
    }

    /** The calls in index order; a provider that sent no id gets a generated one. */
    List<ToolCallRequest> calls() {
        List<ToolCallRequest> calls = new ArrayList<>(partials.size());
        partials.values().forEach(partial -> calls.add(new ToolCallRequest(
                partial.id != null ? partial.id : "call_" + UUID.randomUUID().toString().replace("-", ""),
                partial.name != null ? partial.name : "",
                JsonValues.parseLenient(partial.arguments.toString()))));
        return calls;
    }
}
