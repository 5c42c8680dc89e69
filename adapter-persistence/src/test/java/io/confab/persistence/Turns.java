package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.newMessageId;

import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the messages of a turn for the store tests. */
final class Turns {

    private Turns() {
    }

    static Message userMessage(Conversation conversation, String content, long second, String clientMessageId) {
        return Message.fromUser(newMessageId(), conversation.id(), content, Optional.ofNullable(clientMessageId), at(second));
    }

    /** An answer with one add_task call whose id is {@code callId}. */
    static Message answerWithToolCall(Message question, String callId, long second) {
        ToolCall call = new ToolCall(callId, "add_task", JsonValue.object("title", JsonValue.of("buy milk")),
                JsonValue.object("id", JsonValue.of(1), "title", JsonValue.of("buy milk")), ToolCallStatus.OK,
                Duration.ofMillis(7));
        return Message.fromAssistant(newMessageId(), question.conversationId(), question.id(), "Added task 1.",
                MessageStatus.COMPLETE, List.of(call), "offline", new TokenUsage(20, 5), at(second));
    }
}
