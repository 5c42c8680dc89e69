package io.confab.testkit.contract;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventLog} must have. Tests use fresh random conversations and turns,
 * so one server may serve every test. Expiry is timed by each store's own clock and is tested by
 * each adapter's own test.
 */
public abstract class EventLogContract {

    private EventLog log;
    private final ConversationId conversation = newConversationId();

    /** The log under test; called before each test. */
    protected abstract EventLog eventLog();

    @BeforeEach
    void setUpLog() {
        log = eventLog();
    }

    @Test
    void readAfter_returnsTheEventsAfterTheGivenSeq_inOrder() {
        TurnId turn = newTurn();
        List<TurnEvent> events = fullTurn(turn);
        events.forEach(log::append);

        assertSameValue(log.readAfter(turn, 2), events.subList(2, events.size()));
    }

    @Test
    void readAfter_zero_returnsTheWholeTurn_everyEventTypeIntact() {
        TurnId turn = newTurn();
        List<TurnEvent> events = fullTurn(turn);
        events.forEach(log::append);

        assertSameValue(log.readAfter(turn, 0), events);
    }

    @Test
    void readAfter_theLastSeq_isEmpty() {
        TurnId turn = newTurn();
        List<TurnEvent> events = fullTurn(turn);
        events.forEach(log::append);

        assertThat(log.readAfter(turn, events.size())).isEmpty();
    }

    @Test
    void aLongReply_isReplayedExactly_fromAnyPointOfIt() {
        TurnId turn = newTurn();
        MessageId assistantId = new MessageId(turn.value());
        Message question = Message.fromUser(newMessageId(), conversation, "tell me a story", Optional.empty(), at(0));
        List<TurnEvent> events = new ArrayList<>(List.of(
                new TurnEvent.MessageCreated(turn, conversation, 1, at(1), question),
                new TurnEvent.AgentThinking(turn, conversation, 2, at(1), "Thinking…")));
        for (int i = 0; i < 120; i++) {
            events.add(new TurnEvent.Chunk(turn, conversation, events.size() + 1, at(2).plusNanos(i * 1_000_001L),
                    i % 7 == 0 ? "é " : "word" + i + " ", assistantId, i));
        }
        Message answer = Message.fromAssistant(assistantId, conversation, question.id(), "the story",
                MessageStatus.COMPLETE, List.of(), "test-model", new TokenUsage(5, 120), at(3));
        events.add(new TurnEvent.Completed(turn, conversation, events.size() + 1, at(3), answer, new TokenUsage(5, 120)));
        events.forEach(log::append);

        for (int after : List.of(0, 1, 2, 3, 60, 121, 122, 123)) {
            assertSameValue(log.readAfter(turn, after), events.subList(after, events.size()));
        }
    }

    @Test
    void readAfter_ofAnUnknownTurn_isEmpty() {
        assertThat(log.readAfter(newTurn(), 0)).isEmpty();
    }

    @Test
    void readAfter_keepsTurnsApart() {
        TurnId first = newTurn();
        TurnId second = newTurn();
        log.append(thinking(first, 1));
        log.append(thinking(second, 1));
        log.append(thinking(first, 2));

        assertThat(log.readAfter(first, 0)).extracting(TurnEvent::seq).containsExactly(1L, 2L);
        assertThat(log.readAfter(second, 0)).extracting(TurnEvent::turnId).containsExactly(second);
    }

    @Test
    void latestTurn_isTheConversationsMostRecentlyStartedTurn() {
        TurnId earlier = newTurn();
        TurnId later = newTurn();
        log.append(thinking(earlier, 1));
        log.append(thinking(later, 1));
        log.append(thinking(earlier, 2));

        assertThat(log.latestTurn(conversation)).contains(later);
    }

    @Test
    void latestTurn_ofAConversationWithoutTurns_isEmpty() {
        assertThat(log.latestTurn(newConversationId())).isEmpty();
    }

    private static TurnId newTurn() {
        return new TurnId(UUID.randomUUID());
    }

    private TurnEvent thinking(TurnId turn, long seq) {
        return new TurnEvent.AgentThinking(turn, conversation, seq, at(seq), "Thinking…");
    }

    /** One event of every type a turn can have, seq 1..n. */
    private List<TurnEvent> fullTurn(TurnId turn) {
        MessageId assistantId = new MessageId(turn.value());
        Message question = Message.fromUser(newMessageId(), conversation, "add milk", Optional.of("k1"), at(0));
        ToolCall call = new ToolCall("call_1", "add_task", object("title", of("milk")),
                object("task", object("id", of(1), "title", of("milk"))), ToolCallStatus.OK, Duration.ofMillis(4));
        Message answer = Message.fromAssistant(assistantId, conversation, question.id(), "Done.",
                MessageStatus.COMPLETE, List.of(call), "test-model", new TokenUsage(10, 3), at(9));
        Message interrupted = Message.fromAssistant(assistantId, conversation, question.id(), "Do",
                MessageStatus.INTERRUPTED, List.of(), "test-model", TokenUsage.NONE, at(10));
        return List.of(
                new TurnEvent.MessageCreated(turn, conversation, 1, at(1), question),
                new TurnEvent.AgentThinking(turn, conversation, 2, at(2), "Thinking…"),
                new TurnEvent.ToolStarting(turn, conversation, 3, at(3), "add_task", "call_1",
                        object("title", of("milk")), "Adding a task…"),
                new TurnEvent.ToolProgress(turn, conversation, 4, at(4), "add_task", "call_1", "saving",
                        Optional.of(1L)),
                new TurnEvent.ToolProgress(turn, conversation, 5, at(4), "add_task", "call_1", "saved",
                        Optional.empty()),
                new TurnEvent.ToolComplete(turn, conversation, 6, at(5), "add_task", "call_1",
                        object("task", object("id", of(1))), "Added task 1: milk"),
                new TurnEvent.ToolFailed(turn, conversation, 7, at(6), "list_tasks", "call_2", "store is busy"),
                new TurnEvent.Chunk(turn, conversation, 8, at(7), "Do", assistantId, 0),
                new TurnEvent.Chunk(turn, conversation, 9, at(8), "ne.", assistantId, 1),
                new TurnEvent.Completed(turn, conversation, 10, at(9), answer, new TokenUsage(10, 3)),
                new TurnEvent.Cancelled(turn, conversation, 11, at(10), interrupted),
                new TurnEvent.Failed(turn, conversation, 12, at(11), "model_unavailable", "The model is down"));
    }
}
