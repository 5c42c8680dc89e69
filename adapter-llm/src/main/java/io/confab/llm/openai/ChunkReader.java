package io.confab.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.TokenEstimate;
import io.confab.domain.TokenUsage;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns the chunks of one streamed reply (the trees {@link SseChunks} reads) into {@link ModelEvent}s:
 * text deltas as they arrive, then the joined tool calls, the usage (the provider's, else an
 * estimate) and the finish.
 */
final class ChunkReader {

    private final ModelRequest request;
    private final Consumer<ModelEvent> sink;
    private final ErrorMapper errors;
    private final ToolCallAssembler calls = new ToolCallAssembler();
    private FinishReason finish;
    private TokenUsage usage;
    private int completionChars;

    ChunkReader(ModelRequest request, Consumer<ModelEvent> sink, ErrorMapper errors) {
        this.request = request;
        this.sink = sink;
        this.errors = errors;
    }

    /** Reads until {@code next} answers null (the end of the stream). */
    void read(Supplier<JsonNode> next) {
        for (JsonNode chunk = next.get(); chunk != null; chunk = next.get()) {
            String text = take(chunk);
            if (!text.isEmpty()) {
                completionChars += text.length();
                sink.accept(new ModelEvent.TextDelta(text));
            }
        }
        if (finish == null) {
            throw errors.endedEarly();
        }
        var toolCalls = calls.calls();
        toolCalls.forEach(call -> sink.accept(new ModelEvent.ToolCallRequested(call)));
        sink.accept(new ModelEvent.UsageReported(usage != null ? usage : estimate(toolCalls)));
        sink.accept(new ModelEvent.Finished(toolCalls.isEmpty() ? finish : FinishReason.TOOL_CALLS));
    }

    /** Records the chunk's usage, tool-call deltas and finish; answers its text (empty when none). */
    private String take(JsonNode chunk) {
        JsonNode reported = chunk.path("usage");
        if (reported.isObject()) {
            usage = new TokenUsage(reported.path("prompt_tokens").asLong(), reported.path("completion_tokens").asLong());
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("index").asLong() != 0) {
                continue;
            }
            JsonNode delta = choice.path("delta");
            if (delta.path("content").isTextual()) {
                text.append(delta.path("content").asText());
            }
            delta.path("tool_calls").forEach(calls::add);
            if (choice.path("finish_reason").isTextual()) {
                finish = finishReason(choice.path("finish_reason").asText());
            }
        }
        return text.toString();
    }

    private TokenUsage estimate(List<ToolCallRequest> toolCalls) {
        long completion = TokenEstimate.ofChars(completionChars) + toolCalls.stream().mapToLong(TokenEstimate::ofCall).sum();
        return new TokenUsage(TokenEstimate.ofRequest(request), completion);
    }

    private static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "length" -> FinishReason.LENGTH;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
