package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {

    private static final ConversationId CONVERSATION = new ConversationId(UUID.randomUUID());
    private static final MessageId USER_MESSAGE = new MessageId(UUID.randomUUID());
    private static final MessageId REPLY = new MessageId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static Message fromUser(String content) {
        return Message.fromUser(USER_MESSAGE, CONVERSATION, content, Optional.empty(), NOW);
    }

    private static Message fromUserWithClientId(String clientMessageId) {
        return Message.fromUser(USER_MESSAGE, CONVERSATION, "Hello", Optional.of(clientMessageId), NOW);
    }

    private static Message reply(List<ToolCall> toolCalls, String model) {
        return Message.fromAssistant(REPLY, CONVERSATION, USER_MESSAGE, "Hi!", MessageStatus.COMPLETE, toolCalls,
                model, new TokenUsage(10, 2), NOW);
    }

    private static ToolCall aToolCall() {
        return new ToolCall("call_1", "list_tasks", JsonValue.Obj.empty(), JsonValue.object("count", JsonValue.of(0)),
                ToolCallStatus.OK, Duration.ofMillis(5));
    }

    @Test
    void aUserMessage_isACompleteUserMessageWithoutUsageOrReplyTarget() {
        Message message = fromUser("Hello");

        assertThat(message.role()).isEqualTo(Role.USER);
        assertThat(message.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(message.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(message.inReplyTo()).isEmpty();
        assertThat(message.model()).isEmpty();
        assertThat(message.toolCalls()).isEmpty();
    }

    @Test
    void aUserMessage_keepsItsContentAsWritten() {
        assertThat(fromUser("  Hello\n").content()).isEqualTo("  Hello\n");
    }

    @Test
    void aOneCharacterMessage_isAccepted() {
        assertThat(fromUser("?").content()).isEqualTo("?");
    }

    @Test
    void aMessageOf10000Characters_isAccepted() {
        assertThat(fromUser("m".repeat(10_000)).content()).hasSize(10_000);
    }

    @Test
    void aMessageOver10000Characters_isRefused() {
        assertRefusedOn("message", () -> fromUser("m".repeat(10_001)));
    }

    @Test
    void aMissingMessage_isRefused() {
        assertRefusedOn("message", () -> fromUser(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void aBlankMessage_isRefused(String content) {
        assertRefusedOn("message", () -> fromUser(content));
    }

    @Test
    void aMessageWithNul_isRefused() {
        assertRefusedOn("message", () -> fromUser("Hel\u0000lo"));
    }

    @Test
    void aClientMessageId_isKeptStripped() {
        assertThat(fromUserWithClientId("  abc-1 ").clientMessageId()).contains("abc-1");
    }

    @Test
    void aBlankClientMessageId_countsAsNone() {
        assertThat(fromUserWithClientId("   ").clientMessageId()).isEmpty();
    }

    @Test
    void aClientMessageIdOf200Characters_isAccepted() {
        assertThat(fromUserWithClientId("c".repeat(200)).clientMessageId()).hasValueSatisfying(
                id -> assertThat(id).hasSize(200));
    }

    @Test
    void aClientMessageIdOver200Characters_isRefused() {
        assertRefusedOn("client_message_id", () -> fromUserWithClientId("c".repeat(201)));
    }

    @Test
    void aClientMessageIdWithNul_isRefused() {
        assertRefusedOn("client_message_id", () -> fromUserWithClientId("abc\u0000"));
    }

    @Test
    void anAssistantMessage_repliesToTheUserMessage() {
        Message reply = reply(List.of(), "gpt-test");

        assertThat(reply.role()).isEqualTo(Role.ASSISTANT);
        assertThat(reply.inReplyTo()).contains(USER_MESSAGE);
        assertThat(reply.clientMessageId()).isEmpty();
    }

    @Test
    void anAssistantMessage_carriesItsModelUsageAndToolCalls() {
        Message reply = reply(List.of(aToolCall()), "gpt-test");

        assertThat(reply.model()).contains("gpt-test");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(10, 2));
        assertThat(reply.toolCalls()).containsExactly(aToolCall());
    }

    @Test
    void anAssistantMessageWithoutAModel_hasNoModel() {
        assertThat(reply(List.of(), null).model()).isEmpty();
    }

    @Test
    void anAssistantMessage_isNotHeldToTheUserContentLimit() {
        Message reply = Message.fromAssistant(REPLY, CONVERSATION, USER_MESSAGE, "r".repeat(10_001),
                MessageStatus.COMPLETE, List.of(), "gpt-test", TokenUsage.NONE, NOW);

        assertThat(reply.content()).hasSize(10_001);
    }

    @Test
    void anInterruptedAssistantMessage_mayBeEmpty() {
        Message reply = Message.fromAssistant(REPLY, CONVERSATION, USER_MESSAGE, "", MessageStatus.INTERRUPTED,
                List.of(), "gpt-test", TokenUsage.NONE, NOW);

        assertThat(reply.content()).isEmpty();
    }

    @Test
    void theToolCalls_areACopyThatLaterChangesToTheGivenListDoNotReach() {
        List<ToolCall> given = new ArrayList<>();
        Message reply = reply(given, "gpt-test");

        given.add(aToolCall());

        assertThat(reply.toolCalls()).isEmpty();
    }

    @Test
    void anAssistantMessageWithoutAReplyTarget_isABug() {
        assertThatThrownBy(() -> Message.fromAssistant(REPLY, CONVERSATION, null, "Hi!", MessageStatus.COMPLETE,
                List.of(), "gpt-test", TokenUsage.NONE, NOW)).isInstanceOf(NullPointerException.class);
    }
}
