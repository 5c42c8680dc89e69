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
import java.util.Optional;

/** One test tool, {@code count}, that reports a progress step per number: progress over MCP. */
final class CountingCatalog implements ToolCatalog {

    private static final ToolDefinition COUNT = new ToolDefinition("count", "Counts up with progress",
            (JsonValue.Obj) JsonValues.parse("""
                    {"type":"object","properties":{"to":{"type":"integer","minimum":1}},
                     "required":["to"],"additionalProperties":false}"""), "Counting…");

    @Override
    public List<ToolDefinition> tools(UserId user) {
        return List.of(COUNT);
    }

    @Override
    public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
        if (!(invocation.arguments() instanceof JsonValue.Obj args)
                || !(args.get("to").orElse(null) instanceof JsonValue.Num number)
                || number.value().longValue() < 1) {
            return new ToolResult.Failure("to: must be an integer ≥ 1");
        }
        long to = number.value().longValue();
        for (long i = 1; i <= to; i++) {
            progress.report("step " + i + " of " + to, Optional.of(i));
        }
        return new ToolResult.Success(object("counted", of(to)), "Counted to " + to);
    }
}
