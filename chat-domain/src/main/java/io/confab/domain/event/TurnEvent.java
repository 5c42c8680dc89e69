package io.confab.domain.event;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.TokenUsage;
import io.confab.domain.TurnId;
import io.confab.domain.json.JsonValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The events of one agent turn, numbered from 1 by {@code seq} in the order they happen. The
 * first is {@link MessageCreated}; the last is exactly one of {@link Completed}, {@link Cancelled}
 * or {@link Failed}.
 */
public sealed interface TurnEvent extends ChatEvent {

    TurnId turnId();

    /** Whether this event ends its turn. */
    default boolean isTerminal() {
        return this instanceof Completed || this instanceof Cancelled || this instanceof Failed;
    }

    /** The user message is stored; the first event of a turn. */
    record MessageCreated(TurnId turnId, ConversationId conversationId, long seq, Instant ts, Message message)
            implements TurnEvent {
        public EventType eventType() {
            return EventType.MESSAGE_CREATED;
        }
    }

    /** The model is being called; {@code message} is human text such as "Thinking…". */
    record AgentThinking(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String message)
            implements TurnEvent {
        public EventType eventType() {
            return EventType.AGENT_THINKING;
        }
    }

    /** A text delta of the assistant message {@code messageId}; {@code index} counts chunks from 0. */
    record Chunk(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String content,
                 MessageId messageId, int index) implements TurnEvent {
        public Chunk {
            Objects.requireNonNull(content, "content");
        }

        public EventType eventType() {
            return EventType.CHUNK;
        }
    }

    /** A tool is about to run. */
    record ToolStarting(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String tool,
                        String callId, JsonValue parameters, String message) implements TurnEvent {
        public EventType eventType() {
            return EventType.TOOL_STARTING;
        }
    }

    /** Progress reported by a running tool. */
    record ToolProgress(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String tool,
                        String callId, String message, Optional<Long> count) implements TurnEvent {
        public EventType eventType() {
            return EventType.TOOL_PROGRESS;
        }
    }

    /** A tool succeeded; {@code message} summarises the result ("Found 3 tasks"). */
    record ToolComplete(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String tool,
                        String callId, JsonValue result, String message) implements TurnEvent {
        public EventType eventType() {
            return EventType.TOOL_COMPLETE;
        }
    }

    /** A tool failed; the turn goes on and the model sees the error. */
    record ToolFailed(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String tool,
                      String callId, String error) implements TurnEvent {
        public EventType eventType() {
            return EventType.TOOL_ERROR;
        }
    }

    /**
     * The structured metadata of the stored assistant message {@code messageId} (SPEC §15); comes
     * just before {@link Completed} when a metadata profile is configured.
     */
    record MetadataReady(TurnId turnId, ConversationId conversationId, long seq, Instant ts, MessageId messageId,
                         JsonValue.Obj metadata) implements TurnEvent {
        public EventType eventType() {
            return EventType.METADATA;
        }
    }

    /** The turn finished; {@code message} is the stored assistant message. */
    record Completed(TurnId turnId, ConversationId conversationId, long seq, Instant ts, Message message,
                     TokenUsage usage) implements TurnEvent {
        public EventType eventType() {
            return EventType.COMPLETE;
        }
    }

    /** The turn was stopped; {@code message} is stored with status {@code interrupted}. */
    record Cancelled(TurnId turnId, ConversationId conversationId, long seq, Instant ts, Message message)
            implements TurnEvent {
        public EventType eventType() {
            return EventType.CANCELLED;
        }
    }

    /** The turn failed; the user message stays stored, the assistant message is stored as {@code failed}. */
    record Failed(TurnId turnId, ConversationId conversationId, long seq, Instant ts, String code,
                  String message) implements TurnEvent {
        public EventType eventType() {
            return EventType.ERROR;
        }
    }
}
