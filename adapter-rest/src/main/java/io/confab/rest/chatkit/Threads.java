package io.confab.rest.chatkit;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationStatus;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.Replies;
import io.confab.domain.Role;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.json.JsonValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations as ChatKit threads and messages as thread items. A user message is a
 * {@code user_message}; a reply is an {@code assistant_message}, preceded by a {@code workflow}
 * item (id {@code <reply id>:tools}, one {@code custom} task per tool call) when it called tools.
 * A user message answered more than once (retried) shows its newest reply only.
 */
final class Threads {

    static final String TOOLS_SUFFIX = ":tools";
    private static final int MAX_RESULT_TEXT = 500;

    private Threads() {
    }

    static Wire.Thread thread(Conversation conversation, Wire.Page<Wire.Item> items) {
        return new Wire.Thread(conversation.id().toString(), conversation.hasTitle() ? conversation.title() : null,
                conversation.createdAt().toString(), status(conversation.status()), conversation.metadata(), items);
    }

    private static Wire.Status status(ConversationStatus status) {
        return status == ConversationStatus.ACTIVE ? new Wire.Status("active", null)
                : new Wire.Status("closed", status.wireName());
    }

    /** The items of messages given oldest first (current versions only, see {@link Replies}), oldest first. */
    static List<Wire.Item> items(List<Message> messages) {
        List<Wire.Item> items = new ArrayList<>();
        for (Message message : Replies.current(messages)) {
            if (message.role() == Role.USER) {
                items.add(userMessage(message));
            } else {
                if (!message.toolCalls().isEmpty()) {
                    items.add(toolCalls(message));
                }
                items.add(assistantMessage(message));
            }
        }
        return items;
    }

    static Wire.UserMessage userMessage(Message message) {
        return new Wire.UserMessage(message.id().toString(), message.conversationId().toString(),
                message.createdAt().toString(), List.of(new Wire.InputText(message.content())), List.of(), Map.of());
    }

    static Wire.AssistantMessage assistantMessage(Message message) {
        return new Wire.AssistantMessage(message.id().toString(), message.conversationId().toString(),
                message.createdAt().toString(), List.of(new Wire.OutputText(message.content())));
    }

    /** An assistant message without content yet: what {@code thread.item.added} announces. */
    static Wire.AssistantMessage emptyReply(MessageId id, ConversationId thread, String createdAt) {
        return new Wire.AssistantMessage(id.toString(), thread.toString(), createdAt, List.of());
    }

    static Wire.WorkflowItem toolCalls(Message reply) {
        List<Wire.Task> tasks = reply.toolCalls().stream().map(Threads::task).toList();
        long seconds = reply.toolCalls().stream().map(ToolCall::duration).reduce(Duration.ZERO, Duration::plus).toSeconds();
        return new Wire.WorkflowItem(reply.id() + TOOLS_SUFFIX, reply.conversationId().toString(),
                reply.createdAt().toString(),
                new Wire.Workflow("custom", tasks, new Wire.DurationSummary(seconds), false));
    }

    private static Wire.Task task(ToolCall call) {
        boolean ok = call.status() == ToolCallStatus.OK;
        String result = JsonValues.write(call.result());
        return new Wire.Task("custom", call.tool() + (ok ? "" : " failed"), ok ? "check" : "bug",
                result.length() > MAX_RESULT_TEXT ? result.substring(0, MAX_RESULT_TEXT) + "…" : result, "complete");
    }

    /** The message an item id names (a reply's tool-call workflow names the reply); empty for anything else. */
    static Optional<MessageId> messageOf(String itemId) {
        String id = itemId.endsWith(TOOLS_SUFFIX) ? itemId.substring(0, itemId.length() - TOOLS_SUFFIX.length()) : itemId;
        return uuid(id).map(MessageId::new);
    }

    static Optional<ConversationId> conversationOf(String threadId) {
        return uuid(threadId).map(ConversationId::new);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
