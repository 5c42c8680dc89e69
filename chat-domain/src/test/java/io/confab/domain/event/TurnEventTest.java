package io.confab.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TurnEventTest {

    private static final TurnId TURN = new TurnId(UUID.randomUUID());
    private static final ConversationId CONVERSATION = new ConversationId(UUID.randomUUID());
    private static final MessageId ANSWER_ID = new MessageId(TURN.value());
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Message QUESTION = Message.fromUser(new MessageId(UUID.randomUUID()), CONVERSATION,
            "Hello", Optional.empty(), NOW);
    private static final Message ANSWER = Message.fromAssistant(ANSWER_ID, CONVERSATION, QUESTION.id(), "Hi!",
            MessageStatus.COMPLETE, List.of(), "gpt-test", TokenUsage.NONE, NOW);

    static Stream<TurnEvent> ongoingEvents() {
        return Stream.of(
                new TurnEvent.MessageCreated(TURN, CONVERSATION, 1, NOW, QUESTION),
                new TurnEvent.AgentThinking(TURN, CONVERSATION, 2, NOW, "Thinking…"),
                new TurnEvent.Chunk(TURN, CONVERSATION, 3, NOW, "Hi", ANSWER.id(), 0),
                new TurnEvent.ToolStarting(TURN, CONVERSATION, 4, NOW, "list_tasks", "call_1",
                        JsonValue.Obj.empty(), "Listing tasks"),
                new TurnEvent.ToolProgress(TURN, CONVERSATION, 5, NOW, "list_tasks", "call_1", "Reading",
                        Optional.of(2L)),
                new TurnEvent.ToolComplete(TURN, CONVERSATION, 6, NOW, "list_tasks", "call_1",
                        JsonValue.Obj.empty(), "Found 0 tasks"),
                new TurnEvent.ToolFailed(TURN, CONVERSATION, 7, NOW, "list_tasks", "call_1", "store down"));
    }

    static Stream<TurnEvent> terminalEvents() {
        return Stream.of(
                new TurnEvent.Completed(TURN, CONVERSATION, 8, NOW, ANSWER, TokenUsage.NONE),
                new TurnEvent.Cancelled(TURN, CONVERSATION, 8, NOW, ANSWER),
                new TurnEvent.Failed(TURN, CONVERSATION, 8, NOW, "model_unavailable", "The model is unavailable"));
    }

    @ParameterizedTest
    @MethodSource("ongoingEvents")
    void anEventWithinATurn_doesNotEndIt(TurnEvent event) {
        assertThat(event.isTerminal()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("terminalEvents")
    void completedCancelledAndFailed_endTheTurn(TurnEvent event) {
        assertThat(event.isTerminal()).isTrue();
    }

    @ParameterizedTest
    @MethodSource({"ongoingEvents", "terminalEvents"})
    void everyTurnEvent_isForClients(TurnEvent event) {
        assertThat(event.forClients()).isTrue();
    }

    @Test
    void everyKindOfTurnEvent_hasItsOwnWireName() {
        List<String> types = Stream.concat(ongoingEvents(), terminalEvents()).map(ChatEvent::type).toList();

        assertThat(types).containsExactly("message_created", "agent_thinking", "chunk", "tool_starting",
                "tool_progress", "tool_complete", "tool_error", "complete", "cancelled", "error");
    }

    @Test
    void aChunkWithoutContent_isABug() {
        assertThatThrownBy(() -> new TurnEvent.Chunk(TURN, CONVERSATION, 3, NOW, null, ANSWER.id(), 0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCancelRequest_isNotForClients() {
        assertThat(new TurnCancelRequested(CONVERSATION, TURN, NOW).forClients()).isFalse();
    }

    @Test
    void aCancelRequest_isNotPartOfTheTurnsNumbering() {
        assertThat(new TurnCancelRequested(CONVERSATION, TURN, NOW).seq()).isZero();
    }

    @Test
    void aConversationNotification_belongsToItsConversationAndIsNotNumbered() {
        Conversation conversation = Conversation.start(CONVERSATION, new UserId("alice"), "Plans", NOW);

        ConversationEvent event = new ConversationEvent.Updated(conversation, NOW);

        assertThat(event.conversationId()).isEqualTo(CONVERSATION);
        assertThat(event.seq()).isZero();
    }
}
