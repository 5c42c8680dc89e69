package io.confab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.EventType;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.event.TypingChanged;
import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonReaderTest {

    private static final Instant TS = Instant.parse("2026-11-25T10:15:30.123456Z");
    private static final UserId ALICE = new UserId("alice");
    private static final ConversationId CONVERSATION = new ConversationId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private static final MessageId USER_MESSAGE = new MessageId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    private static final MessageId REPLY = new MessageId(UUID.fromString("00000000-0000-7000-8000-000000000003"));
    private static final TurnId TURN = new TurnId(REPLY.value());

    private static final JsonValue.Obj METADATA = JsonValue.object("urgency", JsonValue.of("high"),
            "confidence", new JsonValue.Num(new java.math.BigDecimal("0.85")),
            "next_steps", JsonValue.array(List.of(JsonValue.of("call back"))));

    static Stream<ChatEvent> everyEvent() {
        Message question = Message.fromUser(USER_MESSAGE, CONVERSATION, "add milk", Optional.empty(), TS);
        ToolCall call = new ToolCall("call_1", "add_task", JsonValue.object("title", JsonValue.of("milk")),
                JsonValue.object("id", JsonValue.of(7), "ok", JsonValue.of(true)), ToolCallStatus.OK, Duration.ofMillis(12));
        Message reply = new Message(REPLY, CONVERSATION, io.confab.domain.Role.ASSISTANT, "Done.", MessageStatus.COMPLETE,
                List.of(call), Optional.of("offline"), new TokenUsage(10, 3), METADATA, Optional.empty(),
                Optional.empty(), TS, Optional.empty());
        Conversation conversation = new Conversation(CONVERSATION, ALICE, "Groceries", ConversationStatus.ARCHIVED,
                Map.of("tag", "home"), Optional.of(new ExternalId("ticket-7")), new ConversationSettings(Optional.of("Answer in Portuguese."), Optional.of("model-b"), Optional.of(30)), TS, TS.plusSeconds(5), Optional.empty(), 2, 13);
        return Stream.of(
                new TurnEvent.MessageCreated(TURN, CONVERSATION, 1, TS, question),
                new TurnEvent.AgentThinking(TURN, CONVERSATION, 2, TS, "Thinking…"),
                new TurnEvent.ToolStarting(TURN, CONVERSATION, 3, TS, "add_task", "call_1",
                        JsonValue.object("title", JsonValue.of("milk"), "n", new JsonValue.Num(new java.math.BigDecimal("1.50"))),
                        "Adding a task…"),
                new TurnEvent.ToolProgress(TURN, CONVERSATION, 4, TS, "add_task", "call_1", "Saving…", Optional.of(3L)),
                new TurnEvent.ToolProgress(TURN, CONVERSATION, 5, TS, "add_task", "call_1", "Saving…", Optional.empty()),
                new TurnEvent.ToolComplete(TURN, CONVERSATION, 6, TS, "add_task", "call_1",
                        JsonValue.array(List.of(JsonValue.of("a"), JsonValue.Null.INSTANCE)), "Added a task"),
                new TurnEvent.ToolFailed(TURN, CONVERSATION, 7, TS, "add_task", "call_2", "no such task"),
                new TurnEvent.Chunk(TURN, CONVERSATION, 8, TS, "Do", REPLY, 0),
                new TurnEvent.MetadataReady(TURN, CONVERSATION, 9, TS, REPLY, METADATA),
                new TurnEvent.Completed(TURN, CONVERSATION, 10, TS, reply, reply.usage()),
                new TurnEvent.Cancelled(TURN, CONVERSATION, 9, TS, reply),
                new TurnEvent.Failed(TURN, CONVERSATION, 9, TS, "model_unavailable", "The model is unavailable"),
                new ConversationEvent.Created(conversation, TS),
                new ConversationEvent.Updated(conversation, TS),
                new ConversationEvent.Deleted(conversation, TS),
                new TypingChanged(CONVERSATION, ALICE, true, TS),
                new TurnCancelRequested(CONVERSATION, TURN, TS));
    }

    @Test
    void theSamples_coverTheWholeEventCatalogue() {
        assertThat(everyEvent().map(ChatEvent::eventType).distinct()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventType_readsBackEqualToWhatWasWritten(ChatEvent event) {
        String json = EventJson.write(event);

        assertThat(EventJsonReader.read(json, ALICE)).isEqualTo(event);
    }

    @Test
    void storedFieldsOutsideTheWireForm_areReadWhenATransportAddsThem() {
        Message question = Message.fromUser(USER_MESSAGE, CONVERSATION, "hi", Optional.of("client-1"), TS);
        Message reply = Message.fromAssistant(REPLY, CONVERSATION, USER_MESSAGE, "Hello", MessageStatus.COMPLETE,
                List.of(), null, TokenUsage.NONE, TS);
        TurnEvent created = new TurnEvent.MessageCreated(TURN, CONVERSATION, 1, TS, question);
        TurnEvent completed = new TurnEvent.Completed(TURN, CONVERSATION, 2, TS, reply, TokenUsage.NONE);

        ObjectNode createdNode = EventJson.toNode(created);
        ((ObjectNode) createdNode.get("message")).put("client_message_id", "client-1");
        ObjectNode completedNode = EventJson.toNode(completed);
        ((ObjectNode) completedNode.get("message")).put("in_reply_to", USER_MESSAGE.toString());

        assertThat(EventJsonReader.read(createdNode, ALICE)).isEqualTo(created);
        assertThat(EventJsonReader.readTurnEvent(completedNode.toString())).isEqualTo(completed);
    }

    @Test
    void deletedConversation_keepsItsDeletionTimeWhenGiven() {
        Conversation deleted = new Conversation(CONVERSATION, ALICE, "", ConversationStatus.ACTIVE, Map.of(), Optional.empty(), ConversationSettings.DEFAULTS, TS, TS,
                Optional.of(TS.plusSeconds(1)), 0, 0);
        ObjectNode node = EventJson.toNode(new ConversationEvent.Deleted(deleted, TS));
        ((ObjectNode) node.get("conversation")).put("deleted_at", TS.plusSeconds(1).toString());

        assertThat(EventJsonReader.read(node, ALICE)).isEqualTo(new ConversationEvent.Deleted(deleted, TS));
    }

    @Test
    void malformedInput_isAnIllegalArgument() {
        assertThatThrownBy(() -> EventJsonReader.read("{", ALICE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventJsonReader.read("{\"type\":\"chunk\",\"ts\":\"" + TS + "\"}", ALICE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventJsonReader.read("{\"type\":\"nope\",\"ts\":\"" + TS + "\",\"turn_id\":\"x\"}", ALICE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
