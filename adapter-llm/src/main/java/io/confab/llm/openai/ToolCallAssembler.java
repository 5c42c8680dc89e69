package io.confab.llm.openai;

import com.openai.models.chat.completions.ChatCompletionChunk;
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

    void add(ChatCompletionChunk.Choice.Delta.ToolCall delta) {
        Partial partial = partials.computeIfAbsent(delta.index(), index -> new Partial());
        delta.id().filter(id -> !id.isEmpty()).ifPresent(id -> partial.id = id);
        delta.function().ifPresent(function -> {
            function.name().filter(name -> !name.isEmpty()).ifPresent(name -> partial.name = name);
            function.arguments().ifPresent(partial.arguments::append);
        });
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
