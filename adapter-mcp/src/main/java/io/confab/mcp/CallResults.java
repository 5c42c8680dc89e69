package io.confab.mcp;

import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolResult;
import io.confab.json.JsonValues;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps MCP tool results to the core's {@link ToolResult} and back. Confab's own server puts the
 * one-line summary in {@code _meta} under {@link #SUMMARY}, so it survives a round trip.
 */
final class CallResults {

    static final String SUMMARY = "io.confab/summary";

    private static final int MAX_SUMMARY = 120;

    private CallResults() {
    }

    static ToolResult toResult(McpSchema.CallToolResult result, String toolName) {
        List<McpSchema.Content> content = result.content() == null ? List.of() : result.content();
        String text = content.stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
        if (Boolean.TRUE.equals(result.isError())) {
            return new ToolResult.Failure(text.isBlank() ? toolName + " reported an error" : text);
        }
        JsonValue value = result.structuredContent() != null
                ? McpJson.toJson(result.structuredContent())
                : contentValue(content, text);
        return new ToolResult.Success(value, summary(result.meta(), value, text, toolName));
    }

    static McpSchema.CallToolResult fromResult(ToolResult result) {
        return switch (result) {
            case ToolResult.Success success -> {
                McpSchema.CallToolResult.Builder builder = McpSchema.CallToolResult.builder()
                        .addTextContent(JsonValues.write(success.result()))
                        .isError(false)
                        .meta(Map.of(SUMMARY, success.summary()));
                if (success.result() instanceof JsonValue.Obj obj) {
                    builder.structuredContent(McpJson.toMap(obj));
                }
                yield builder.build();
            }
            case ToolResult.Failure failure -> McpSchema.CallToolResult.builder()
                    .addTextContent(failure.error())
                    .isError(true)
                    .build();
        };
    }

    private static JsonValue contentValue(List<McpSchema.Content> content, String text) {
        if (content.stream().allMatch(McpSchema.TextContent.class::isInstance)) {
            return JsonValues.parseLenient(text);
        }
        return JsonValue.array(content.stream().map(McpJson::toJson).toList());
    }

    private static String summary(Map<String, Object> meta, JsonValue value, String text, String toolName) {
        if (meta != null && meta.get(SUMMARY) instanceof String summary && !summary.isBlank()) {
            return summary;
        }
        if (value instanceof JsonValue.Str && !text.isBlank()) {
            String line = text.strip().lines().findFirst().orElse("");
            return line.length() > MAX_SUMMARY ? line.substring(0, MAX_SUMMARY - 1) + "…" : line;
        }
        return "Finished " + toolName;
    }
}
