package io.confab.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TurnLeaseTest {

    private static final ConversationId CONVERSATION = new ConversationId(UUID.randomUUID());
    private static final UserId ALICE = new UserId("alice");
    private static final Instant EXPIRY = Instant.parse("2026-01-01T10:00:30Z");

    private static TurnLease lease(MessageId userMessage, Optional<String> clientMessageId) {
        return lease(userMessage, clientMessageId, "instance-a");
    }

    private static TurnLease lease(MessageId userMessage, Optional<String> clientMessageId, String instance) {
        return new TurnLease(CONVERSATION, new TurnId(UUID.randomUUID()), ALICE, userMessage, clientMessageId,
                instance, EXPIRY);
    }

    private static MessageId aMessage() {
        return new MessageId(UUID.randomUUID());
    }

    @Test
    void aLease_isNotExpiredBeforeItsExpiry() {
        assertThat(lease(aMessage(), Optional.empty()).isExpiredAt(EXPIRY.minusMillis(1))).isFalse();
    }

    @Test
    void aLease_isExpiredAtItsExpiryInstant() {
        assertThat(lease(aMessage(), Optional.empty()).isExpiredAt(EXPIRY)).isTrue();
    }

    @Test
    void aLease_isExpiredAfterItsExpiry() {
        assertThat(lease(aMessage(), Optional.empty()).isExpiredAt(EXPIRY.plusSeconds(1))).isTrue();
    }

    @Test
    void leasesForTheSameUserMessage_answerTheSameMessage() {
        MessageId message = aMessage();

        assertThat(lease(message, Optional.empty()).answersSameMessage(lease(message, Optional.empty()))).isTrue();
    }

    @Test
    void leasesForTheSameClientMessageId_answerTheSameMessage() {
        TurnLease first = lease(aMessage(), Optional.of("send-1"));

        assertThat(first.answersSameMessage(lease(aMessage(), Optional.of("send-1")))).isTrue();
    }

    @Test
    void leasesForDifferentClientMessageIds_answerDifferentMessages() {
        TurnLease first = lease(aMessage(), Optional.of("send-1"));

        assertThat(first.answersSameMessage(lease(aMessage(), Optional.of("send-2")))).isFalse();
    }

    @Test
    void leasesForDifferentMessagesWithoutClientMessageIds_answerDifferentMessages() {
        TurnLease first = lease(aMessage(), Optional.empty());

        assertThat(first.answersSameMessage(lease(aMessage(), Optional.empty()))).isFalse();
    }

    @Test
    void aLeaseWithAClientMessageId_doesNotAnswerTheSameMessageAsOneWithout() {
        TurnLease first = lease(aMessage(), Optional.of("send-1"));

        assertThat(first.answersSameMessage(lease(aMessage(), Optional.empty()))).isFalse();
    }

    @Test
    void anInstanceNameOf200Characters_isAccepted() {
        assertThat(lease(aMessage(), Optional.empty(), "i".repeat(200)).instance()).hasSize(200);
    }

    @Test
    void anInstanceNameOver200Characters_isABug() {
        assertThatThrownBy(() -> lease(aMessage(), Optional.empty(), "i".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aMissingOrBlankInstanceName_isABug(String instance) {
        assertThatThrownBy(() -> lease(aMessage(), Optional.empty(), instance))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeaseWithoutAnExpiry_isABug() {
        assertThatThrownBy(() -> new TurnLease(CONVERSATION, new TurnId(UUID.randomUUID()), ALICE, aMessage(),
                Optional.empty(), "instance-a", null)).isInstanceOf(NullPointerException.class);
    }
}
