package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny user-scoped catalogue for tests: {@code add_note}, {@code list_notes} and {@code count}
 * (which reports progress). Each user sees only their own notes.
 */
final class NotesCatalog implements ToolCatalog {

    private static final List<ToolDefinition> TOOLS = List.of(
            new ToolDefinition("add_note", "Adds a note", schema("""
                    {"type":"object","properties":{"text":{"type":"string","minLength":1}},
                     "required":["text"],"additionalProperties":false}"""), "Adding a note…"),
            new ToolDefinition("list_notes", "Lists your notes", schema("""
                    {"type":"object","properties":{},"additionalProperties":false}"""), "Reading notes…"),
            new ToolDefinition("count", "Counts up with progress", schema("""
                    {"type":"object","properties":{"to":{"type":"integer","minimum":1}},
                     "required":["to"],"additionalProperties":false}"""), "Counting…"));

    private final Map<UserId, List<String>> notes = new ConcurrentHashMap<>();

    @Override
    public List<ToolDefinition> tools(UserId user) {
        return TOOLS;
    }

    @Override
    public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
        if (!(invocation.arguments() instanceof JsonValue.Obj args)) {
            return new ToolResult.Failure("arguments must be an object");
        }
        Optional<String> unexpected = args.members().keySet().stream()
                .filter(name -> !name.equals("text") && !name.equals("to")).findFirst();
        if (unexpected.isPresent()) {
            return new ToolResult.Failure("unexpected argument \"" + unexpected.get() + "\"");
        }
        List<String> mine = notes.computeIfAbsent(invocation.user(), user -> new CopyOnWriteArrayList<>());
        return switch (invocation.tool()) {
            case "add_note" -> args.string("text").filter(text -> !text.isBlank())
                    .<ToolResult>map(text -> {
                        mine.add(text);
                        return new ToolResult.Success(object("note", of(text)), "Added note " + mine.size());
                    })
                    .orElse(new ToolResult.Failure("text: is required"));
            case "list_notes" -> new ToolResult.Success(
                    object("notes", JsonValue.array(mine.stream().map(JsonValue::of).toList()), "count", of(mine.size())),
                    "Found " + mine.size() + " notes");
            case "count" -> count(args, progress);
            default -> new ToolResult.Failure("Unknown tool \"" + invocation.tool() + "\"");
        };
    }

    private static ToolResult count(JsonValue.Obj args, ToolProgress progress) {
        if (!(args.get("to").orElse(null) instanceof JsonValue.Num number) || number.value().intValue() < 1) {
            return new ToolResult.Failure("to: must be an integer ≥ 1");
        }
        long to = number.value().longValue();
        for (long i = 1; i <= to; i++) {
            progress.report("step " + i + " of " + to, Optional.of(i));
        }
        return new ToolResult.Success(object("counted", of(to)), "Counted to " + to);
    }

    private static JsonValue.Obj schema(String json) {
        return (JsonValue.Obj) JsonValues.parse(json);
    }
}
