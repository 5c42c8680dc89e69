package io.confab.application.turn;

import io.confab.application.tools.OneLine;
import io.confab.domain.Cancellation;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the tool calls of a turn through the catalogue for the turn's user, with
 * {@code tool_starting}, {@code tool_progress} and {@code tool_complete} | {@code tool_error}
 * events. A failing tool never ends the turn: its error goes back to the model.
 */
final class ToolRunner {

    private static final System.Logger LOG = System.getLogger(ToolRunner.class.getName());

    private final ToolCatalog catalog;
    private final Map<String, ToolDefinition> definitions;
    private final UserId user;
    private final TurnEmitter events;
    private final Cancellation cancellation;

    ToolRunner(ToolCatalog catalog, Map<String, ToolDefinition> definitions, UserId user, TurnEmitter events,
               Cancellation cancellation) {
        this.catalog = catalog;
        this.definitions = definitions;
        this.user = user;
        this.events = events;
        this.cancellation = cancellation;
    }

    ToolCall run(ToolCallRequest call) {
        String activity = Optional.ofNullable(definitions.get(call.tool()))
                .map(ToolDefinition::activity)
                .orElse("Running " + call.tool() + "…");
        events.toolStarting(call.tool(), call.id(), call.arguments(), activity);
        long started = System.nanoTime();
        ToolResult result = invoke(call);
        Duration duration = Duration.ofMillis((System.nanoTime() - started) / 1_000_000);
        return switch (result) {
            case ToolResult.Success success -> {
                events.toolComplete(call.tool(), call.id(), success.result(), success.summary());
                yield new ToolCall(call.id(), call.tool(), call.arguments(), success.result(), ToolCallStatus.OK, duration);
            }
            case ToolResult.Failure failure -> {
                events.toolFailed(call.tool(), call.id(), failure.error());
                yield new ToolCall(call.id(), call.tool(), call.arguments(),
                        JsonValue.object("error", JsonValue.of(failure.error())), ToolCallStatus.ERROR, duration);
            }
        };
    }

    private ToolResult invoke(ToolCallRequest call) {
        try {
            return catalog.invoke(new ToolInvocation(user, call.id(), call.tool(), call.arguments()),
                    (message, count) -> events.toolProgress(call.tool(), call.id(), message, count), cancellation);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tool {0} threw instead of failing: {1}", call.tool(), OneLine.of(e));
            return new ToolResult.Failure("Tool \"" + call.tool() + "\" failed unexpectedly");
        }
    }
}
