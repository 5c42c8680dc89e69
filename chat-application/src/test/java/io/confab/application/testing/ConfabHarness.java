package io.confab.application.testing;

import io.confab.application.Confab;
import io.confab.application.ConfabPorts;
import io.confab.application.ConfabSettings;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.json.JsonValue;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Confab wired entirely in memory with a {@link ScriptedChatModel} and a {@link TestClock}, plus
 * the shortcuts use-case tests need. Close it after each test (it owns the turn threads).
 */
public final class ConfabHarness implements AutoCloseable {

    public final TestClock clock = new TestClock();
    public final ScriptedChatModel model;
    public final ConfabPorts ports;
    public final Confab confab;

    public ConfabHarness(ScriptedChatModel model, ConfabSettings settings, int turnsPerMinute) {
        this.model = model;
        this.ports = Confab.inMemoryPorts(model, clock, turnsPerMinute);
        this.confab = Confab.create(ports, settings);
    }

    public ConfabHarness(ConfabSettings settings) {
        this(new ScriptedChatModel(), settings, 1_000);
    }

    public ConfabHarness() {
        this(ConfabSettings.defaults());
    }

    /** A second Confab over the same store, bus and log, as another server instance would be. */
    public Confab anotherInstance() {
        return Confab.create(ports, ConfabSettings.defaults());
    }

    public static UserId newUser() {
        return new UserId("user-" + UUID.randomUUID());
    }

    public Conversation newConversation(UserId owner) {
        return confab.createConversation().create(owner, "");
    }

    public TurnOutcome send(UserId user, ConversationId conversation, String text) {
        return confab.sendMessage().send(command(user, conversation, text, null));
    }

    public static SendMessageUseCase.SendMessage command(UserId user, ConversationId conversation, String text,
                                                         String clientMessageId) {
        return new SendMessageUseCase.SendMessage(user, conversation, text, Optional.ofNullable(clientMessageId));
    }

    /**
     * Stores {@code turns} question-and-answer pairs straight into the conversation, a second apart
     * from the clock's now, each answer with one tool call; answers them oldest first.
     */
    public List<Message> appendTurns(Conversation conversation, int turns) {
        Instant start = clock.instant();
        List<Message> appended = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            Message question = Message.fromUser(new MessageId(UUID.randomUUID()), conversation.id(), "question " + i,
                    Optional.empty(), start.plusSeconds(2L * i));
            ToolCall call = new ToolCall("call_" + i, "list_tasks", JsonValue.object("status", JsonValue.of("all")),
                    JsonValue.object("count", JsonValue.of(i)), ToolCallStatus.OK, Duration.ofMillis(3));
            Message answer = Message.fromAssistant(new MessageId(UUID.randomUUID()), conversation.id(), question.id(),
                    "answer " + i, MessageStatus.COMPLETE, List.of(call), "scripted", new TokenUsage(5, 2),
                    start.plusSeconds(2L * i + 1));
            ports.messages().append(conversation.owner(), question);
            ports.messages().append(conversation.owner(), answer);
            appended.addAll(List.of(question, answer));
        }
        return appended;
    }

    /** Every stored message of the conversation, oldest first. */
    public List<Message> stored(UserId owner, ConversationId conversation) {
        return ports.messages().latest(owner, conversation, 10_000).orElse(List.of());
    }

    /** The event types of a recorded turn, for exact sequence checks. */
    public static List<String> types(List<? extends TurnEvent> events) {
        return events.stream().map(TurnEvent::type).toList();
    }

    @Override
    public void close() {
        confab.shutdown(Duration.ofSeconds(5));
    }
}
