package io.confab.bootstrap;

import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Counts turns by outcome, tool calls by tool and outcome, and tokens, by wrapping the turn use
 * cases every adapter is handed (REST, ChatKit, WebSocket, MCP), so each turn is counted once whoever
 * started it.
 */
final class TurnMetrics {

    private final MeterRegistry registry;

    TurnMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    SendMessageUseCase meter(SendMessageUseCase inner) {
        return new SendMessageUseCase() {
            @Override
            public TurnOutcome send(SendMessage command) {
                return recorded(inner.send(command));
            }

            @Override
            public TurnStart start(SendMessage command, TurnListener listener) {
                return counted(inner.start(command, metered(listener)));
            }
        };
    }

    RetryReplyUseCase meter(RetryReplyUseCase inner) {
        return new RetryReplyUseCase() {
            @Override
            public TurnStart retry(UserId user, ConversationId conversation, MessageId message, TurnListener listener) {
                return counted(inner.retry(user, conversation, message, metered(listener)));
            }

            @Override
            public TurnStart regenerate(UserId user, ConversationId conversation, MessageId message, TurnListener listener) {
                return counted(inner.regenerate(user, conversation, message, metered(listener)));
            }

            @Override
            public TurnOutcome regenerateAndWait(UserId user, ConversationId conversation, MessageId message) {
                return recorded(inner.regenerateAndWait(user, conversation, message));
            }

            @Override
            public TurnStart edit(UserId user, ConversationId conversation, MessageId message, String content,
                                  TurnListener listener) {
                return counted(inner.edit(user, conversation, message, content, metered(listener)));
            }

            @Override
            public TurnOutcome editAndWait(UserId user, ConversationId conversation, MessageId message, String content) {
                return recorded(inner.editAndWait(user, conversation, message, content));
            }
        };
    }

    /** The listener, with the turn counted by how it ends. */
    private TurnListener metered(TurnListener listener) {
        return event -> {
            if (event.isTerminal()) {
                recordTerminal(event);
            }
            listener.onEvent(event);
        };
    }

    private TurnStart counted(TurnStart start) {
        switch (start) {
            case TurnStart.Started ignored -> { }
            case TurnStart.NotFound ignored -> turn("not_found");
            case TurnStart.RateLimited ignored -> turn("rate_limited");
            case TurnStart.InProgress ignored -> turn("in_progress");
        }
        return start;
    }

    OneShotChatUseCase meter(OneShotChatUseCase inner) {
        return new OneShotChatUseCase() {
            @Override
            public TurnOutcome chat(UserId user, Optional<ConversationId> conversation, String message) {
                return recorded(inner.chat(user, conversation, message));
            }

            @Override
            public TurnStart start(UserId user, Optional<ConversationId> conversation, String message,
                                   TurnListener listener) {
                return counted(inner.start(user, conversation, message, metered(listener)));
            }
        };
    }

    private TurnOutcome recorded(TurnOutcome outcome) {
        switch (outcome) {
            case TurnOutcome.Completed done -> finished("completed", done.assistantMessage());
            case TurnOutcome.Cancelled cancelled -> finished("cancelled", cancelled.assistantMessage());
            case TurnOutcome.Failed failed -> finished("failed", failed.assistantMessage());
            case TurnOutcome.NotFound ignored -> turn("not_found");
            case TurnOutcome.RateLimited ignored -> turn("rate_limited");
            case TurnOutcome.InProgress ignored -> turn("in_progress");
        }
        return outcome;
    }

    private void recordTerminal(TurnEvent event) {
        switch (event) {
            case TurnEvent.Completed done -> finished("completed", done.message());
            case TurnEvent.Cancelled cancelled -> finished("cancelled", cancelled.message());
            default -> turn("failed");
        }
    }

    private void finished(String outcome, Message reply) {
        turn(outcome);
        reply.toolCalls().forEach(call -> Counter.builder("confab.tool.calls")
                .tag("tool", call.tool())
                .tag("outcome", call.status().wireName())
                .register(registry)
                .increment());
        tokens("prompt", reply.usage().promptTokens());
        tokens("completion", reply.usage().completionTokens());
    }

    private void turn(String outcome) {
        Counter.builder("confab.turns").tag("outcome", outcome).register(registry).increment();
    }

    private void tokens(String kind, long count) {
        Counter.builder("confab.tokens").tag("kind", kind).register(registry).increment(count);
    }
}
