package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationStatus;
import io.confab.domain.Feedback;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores an exported conversation again as a new conversation of the caller (SPEC §16): new ids,
 * the caller as owner, the messages in order with their roles, content, tool calls, status,
 * feedback and times kept. All or nothing.
 */
public interface ImportConversationUseCase {

    /** The most messages one import takes. */
    int MAX_MESSAGES = 2_000;
    /** The longest assistant reply one import takes (user messages keep their own limit). */
    int MAX_ASSISTANT_CONTENT = 100_000;

    /** One message as exported; its id and conversation are not kept. */
    record ImportedMessage(Role role, String content, MessageStatus status, List<ToolCall> toolCalls,
                           Optional<String> model, TokenUsage usage, JsonValue.Obj metadata, Instant createdAt,
                           Optional<Feedback> feedback) {

        public ImportedMessage {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(status, "status");
            toolCalls = List.copyOf(toolCalls);
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(feedback, "feedback");
        }
    }

    /** The exported conversation: its title, status, metadata, times and messages, oldest first. */
    record Command(String title, ConversationStatus status, Map<String, String> metadata, Instant createdAt,
                   Instant updatedAt, List<ImportedMessage> messages) {

        public Command {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            metadata = Map.copyOf(metadata);
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
            messages = List.copyOf(messages);
        }
    }

    /**
     * The new conversation as stored, counters counted from the messages; throws
     * {@link io.confab.domain.ValidationException} (fields named like {@code messages[2].content})
     * and writes nothing when the command breaks a rule.
     */
    Conversation importConversation(UserId owner, Command command);
}
