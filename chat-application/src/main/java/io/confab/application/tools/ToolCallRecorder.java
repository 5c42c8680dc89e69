package io.confab.application.tools;

import io.confab.domain.Cancellation;
import io.confab.domain.ConversationId;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place tool calls are audited (SPEC §17): wraps a catalogue so every call through it is
 * timed, recorded with its source (and conversation, in a turn) and logged as one INFO line naming
 * tool, source, outcome, duration and user, never the arguments or the result (they may hold
 * secrets; the audit store keeps them for the user). Recording never fails or delays a call's
 * answer beyond the store's write: a store that fails is logged at WARN and the call goes on.
 */
public final class ToolCallRecorder {

    private static final System.Logger LOG = System.getLogger(ToolCallRecorder.class.getName());

    private final ToolCallAudit audit;
    private final Clock clock;
    private final IdGenerator ids;

    public ToolCallRecorder(ToolCallAudit audit, Clock clock, IdGenerator ids) {
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** {@code tools} with every call recorded as coming from {@code source} (the MCP servers). */
    public ToolCatalog recording(ToolCatalog tools, ToolCallSource source) {
        return new Recording(tools, source, Optional.empty());
    }

    /** {@code tools} with every call recorded as made by a turn of {@code conversation}. */
    public ToolCatalog inTurn(ToolCatalog tools, ConversationId conversation) {
        return new Recording(tools, ToolCallSource.TURN, Optional.of(conversation));
    }

    private void record(ToolInvocation invocation, ToolCallSource source, Optional<ConversationId> conversation,
                        Instant startedAt, long startedNanos, ToolResult result) {
        Duration duration = Duration.ofMillis((System.nanoTime() - startedNanos) / 1_000_000);
        ToolCallEntry entry = switch (result) {
            case ToolResult.Success success -> entry(invocation, source, conversation, startedAt, duration,
                    ToolCallStatus.OK, success.result());
            case ToolResult.Failure failure -> entry(invocation, source, conversation, startedAt, duration,
                    ToolCallStatus.ERROR, JsonValue.object("error", JsonValue.of(failure.error())));
        };
        LOG.log(System.Logger.Level.INFO, "tool call {0} source={1} outcome={2} duration_ms={3} user={4}",
                invocation.tool(), source.wireName(), entry.outcome().wireName(), duration.toMillis(),
                invocation.user().value());
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tool call {0} of user {1} not audited: {2}", invocation.tool(),
                    invocation.user().value(), OneLine.of(e));
        }
    }

    private ToolCallEntry entry(ToolInvocation invocation, ToolCallSource source, Optional<ConversationId> conversation,
                                Instant startedAt, Duration duration, ToolCallStatus outcome, JsonValue result) {
        return new ToolCallEntry(new AuditedToolCallId(ids.next()), invocation.user(), source, invocation.tool(),
                invocation.arguments(), outcome, result, duration, conversation, startedAt);
    }

    /** A catalogue whose calls are recorded with one source and conversation. */
    private final class Recording implements ToolCatalog {

        private final ToolCatalog tools;
        private final ToolCallSource source;
        private final Optional<ConversationId> conversation;

        Recording(ToolCatalog tools, ToolCallSource source, Optional<ConversationId> conversation) {
            this.tools = tools;
            this.source = source;
            this.conversation = conversation;
        }

        @Override
        public List<ToolDefinition> tools(UserId user) {
            return tools.tools(user);
        }

        /** A tool that throws (a bug) is recorded as failed, and the exception goes on to the caller. */
        @Override
        public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
            Instant startedAt = clock.instant();
            long startedNanos = System.nanoTime();
            ToolResult result;
            try {
                result = tools.invoke(invocation, progress, cancellation);
            } catch (RuntimeException e) {
                record(invocation, source, conversation, startedAt, startedNanos,
                        new ToolResult.Failure("Tool \"" + invocation.tool() + "\" failed unexpectedly"));
                throw e;
            }
            record(invocation, source, conversation, startedAt, startedNanos, result);
            return result;
        }
    }
}
