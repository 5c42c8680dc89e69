package io.confab.testkit.contract;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import io.confab.domain.port.TurnOpening;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TurnJournal} must have, as a message store hands it out over the turn
 * leases of the same store: a turn starts with its history read, its conversation claimed and its
 * user message stored, or with neither of the two writes, and finishes with its reply stored and its
 * conversation free. Users and
 * conversations are fresh and random, so one database may serve every test.
 */
public abstract class TurnJournalContract {

    private static final int HISTORY = 10;

    private final UserId alice = newUser();
    private final UserId bob = newUser();
    private final String instance = "instance-" + UUID.randomUUID();
    private ConversationRepository conversations;
    private MessageRepository messages;
    private TurnLeases leases;
    private TurnJournal journal;
    private Conversation conversation;

    /** The conversation store; called before each test. */
    protected abstract ConversationRepository conversationRepository();

    /** The message store whose journal is under test, backed by the same store as the others. */
    protected abstract MessageRepository messageRepository();

    /** The turn leases of the same store. */
    protected abstract TurnLeases turnLeases();

    @BeforeEach
    void setUpStore() {
        conversations = conversationRepository();
        messages = messageRepository();
        leases = turnLeases();
        journal = messages.journal(leases);
        conversation = newConversation(alice);
    }

    @Test
    void start_ofAFreeConversation_claimsIt_andStoresTheUserMessage() {
        Message question = question(conversation.id(), Optional.of("key-1"));
        TurnLease lease = lease(alice, question);

        TurnOpening opening = journal.start(alice, question, lease, HISTORY);

        assertThat(opening).isInstanceOfSatisfying(TurnOpening.Started.class, started -> {
            assertThat(started.appended().message()).isEqualTo(question);
            assertThat(started.appended().conversation().messageCount()).isEqualTo(1);
            assertThat(started.history()).isEmpty();
        });
        assertThat(leases.find(alice, conversation.id())).contains(lease);
        assertSameValue(messages.latest(alice, conversation.id(), 10).orElseThrow(), List.of(question));
    }

    @Test
    void start_answersTheNewestMessagesBeforeTheUserMessage_oldestFirst_withTheirToolCalls() {
        Message first = Message.fromUser(newMessageId(), conversation.id(), "first", Optional.empty(), at(1));
        Message answer = Message.fromAssistant(newMessageId(), conversation.id(), first.id(), "answer",
                MessageStatus.COMPLETE, List.of(toolCall("call_b"), toolCall("call_a")), "test-model",
                new TokenUsage(3, 4), at(2));
        Message second = Message.fromUser(newMessageId(), conversation.id(), "second", Optional.empty(), at(3));
        List.of(first, answer, second).forEach(message -> messages.append(alice, message));
        Message question = question(conversation.id(), Optional.empty());

        TurnOpening opening = journal.start(alice, question, lease(alice, question), 2);

        assertThat(opening).isInstanceOfSatisfying(TurnOpening.Started.class,
                started -> assertSameValue(started.history(), List.of(answer, second)));
        assertSameValue(messages.latest(alice, conversation.id(), 2).orElseThrow(), List.of(second, question));
    }

    @Test
    void start_whileAnotherTurnHoldsTheConversation_answersTheHolder_andStoresNothing() {
        TurnLease holder = lease(alice, question(conversation.id(), Optional.empty()));
        leases.claim(holder);
        Message question = question(conversation.id(), Optional.empty());

        TurnOpening opening = journal.start(alice, question, lease(alice, question), HISTORY);

        assertThat(opening).isEqualTo(new TurnOpening.Held(holder));
        assertThat(leases.find(alice, conversation.id())).contains(holder);
        assertThat(messages.latest(alice, conversation.id(), 10)).contains(List.of());
        assertThat(conversations.find(alice, conversation.id()).orElseThrow().messageCount()).isZero();
    }

    @Test
    void start_inSomeoneElsesConversation_isMissing_andLeavesNoLease() {
        Conversation bobs = newConversation(bob);
        Message question = question(bobs.id(), Optional.empty());

        TurnOpening opening = journal.start(alice, question, lease(alice, question), HISTORY);

        assertThat(opening).isInstanceOf(TurnOpening.Missing.class);
        assertThat(leases.find(alice, bobs.id())).isEmpty();
        assertThat(leases.claim(lease(bob, question(bobs.id(), Optional.empty())))).isInstanceOf(LeaseClaim.Claimed.class);
        assertThat(conversations.find(bob, bobs.id()).orElseThrow().messageCount()).isZero();
    }

    @Test
    void start_inSomeoneElsesConversationWhileTheirTurnRuns_isMissing_notTheirLease() {
        Conversation bobs = newConversation(bob);
        TurnLease bobsLease = lease(bob, question(bobs.id(), Optional.empty()));
        leases.claim(bobsLease);
        Message question = question(bobs.id(), Optional.empty());

        TurnOpening opening = journal.start(alice, question, lease(alice, question), HISTORY);

        assertThat(opening).isInstanceOf(TurnOpening.Missing.class);
        assertThat(leases.find(bob, bobs.id())).contains(bobsLease);
    }

    @Test
    void start_inAMissingConversation_isMissing_andLeavesNoLease() {
        ConversationId missing = newConversationId();
        Message question = question(missing, Optional.empty());

        TurnOpening opening = journal.start(alice, question, lease(alice, question), HISTORY);

        assertThat(opening).isInstanceOf(TurnOpening.Missing.class);
        assertThat(leases.find(alice, missing)).isEmpty();
    }

    @Test
    void start_inADeletedConversation_isMissing_andLeavesNoLease() {
        conversations.delete(alice, conversation.id(), at(5));
        Message question = question(conversation.id(), Optional.empty());

        TurnOpening opening = journal.start(alice, question, lease(alice, question), HISTORY);

        assertThat(opening).isInstanceOf(TurnOpening.Missing.class);
        assertThat(leases.find(alice, conversation.id())).isEmpty();
    }

    @Test
    void start_withARepeatedClientMessageId_answersTheFirstMessage_andLeavesNoLease() {
        Message first = question(conversation.id(), Optional.of("key-1"));
        messages.append(alice, first);
        Message again = question(conversation.id(), Optional.of("key-1"));

        TurnOpening opening = journal.start(alice, again, lease(alice, again), HISTORY);

        assertThat(opening).isInstanceOfSatisfying(TurnOpening.Duplicate.class,
                duplicate -> assertSameValue(duplicate.existing(), first));
        assertThat(leases.find(alice, conversation.id())).isEmpty();
        assertThat(conversations.find(alice, conversation.id()).orElseThrow().messageCount()).isEqualTo(1);
    }

    @Test
    void finish_storesTheReply_andFreesTheConversationForTheNextTurn() {
        Message question = question(conversation.id(), Optional.empty());
        TurnLease lease = lease(alice, question);
        journal.start(alice, question, lease, HISTORY);
        Message reply = reply(question, List.of());

        AppendResult finished = journal.finish(alice, reply, lease.turn());

        assertThat(finished).isInstanceOfSatisfying(AppendResult.Appended.class, appended -> {
            assertThat(appended.message()).isEqualTo(reply);
            assertThat(appended.conversation().messageCount()).isEqualTo(2);
            assertThat(appended.conversation().tokensUsed()).isEqualTo(reply.usage().total());
        });
        assertThat(leases.find(alice, conversation.id())).isEmpty();
        Message next = question(conversation.id(), Optional.empty());
        assertThat(journal.start(alice, next, lease(alice, next), HISTORY)).isInstanceOf(TurnOpening.Started.class);
    }

    @Test
    void finish_storesTheReplyWithItsToolCallsInTheirOrder() {
        Message question = question(conversation.id(), Optional.empty());
        TurnLease lease = lease(alice, question);
        journal.start(alice, question, lease, HISTORY);
        Message reply = reply(question, List.of(toolCall("call_b"), toolCall("call_a")));

        journal.finish(alice, reply, lease.turn());

        assertSameValue(messages.find(alice, conversation.id(), reply.id()).orElseThrow(), reply);
        assertThat(leases.find(alice, conversation.id())).isEmpty();
    }

    @Test
    void finish_afterTheLeaseWasTakenOver_storesTheReply_andLeavesTheNextTurnsLease() {
        Message question = question(conversation.id(), Optional.empty());
        TurnLease lease = lease(alice, question);
        journal.start(alice, question, lease, HISTORY);
        leases.takeOver(lease);
        TurnLease next = lease(alice, question(conversation.id(), Optional.empty()));
        leases.claim(next);
        Message reply = reply(question, List.of());

        AppendResult finished = journal.finish(alice, reply, lease.turn());

        assertThat(finished).isInstanceOf(AppendResult.Appended.class);
        assertSameValue(messages.findReply(alice, conversation.id(), question.id()).orElseThrow(), reply);
        assertThat(leases.find(alice, conversation.id())).contains(next);
    }

    @Test
    void finish_inAConversationDeletedMeanwhile_isMissing_andFreesTheConversation() {
        Message question = question(conversation.id(), Optional.empty());
        TurnLease lease = lease(alice, question);
        journal.start(alice, question, lease, HISTORY);
        conversations.delete(alice, conversation.id(), at(5));

        AppendResult finished = journal.finish(alice, reply(question, List.of()), lease.turn());

        assertThat(finished).isInstanceOf(AppendResult.ConversationMissing.class);
        assertThat(leases.find(alice, conversation.id())).isEmpty();
    }

    private Conversation newConversation(UserId owner) {
        Conversation created = conversation(owner, "", at(0));
        conversations.insert(created);
        return created;
    }

    private static Message question(ConversationId conversation, Optional<String> clientMessageId) {
        return Message.fromUser(newMessageId(), conversation, "hello", clientMessageId, at(10));
    }

    private static Message reply(Message question, List<ToolCall> toolCalls) {
        return Message.fromAssistant(newMessageId(), question.conversationId(), question.id(), "hi there",
                MessageStatus.COMPLETE, toolCalls, "test-model", new TokenUsage(30, 12), at(11));
    }

    private static ToolCall toolCall(String id) {
        return new ToolCall(id, "tool", object("n", of(1)), object("ok", of(true)), ToolCallStatus.OK,
                Duration.ofMillis(3));
    }

    /** The lease of a new turn for {@code question}, by its owner, expiring well after the test. */
    private TurnLease lease(UserId owner, Message question) {
        return new TurnLease(question.conversationId(), new TurnId(newMessageId().value()), owner, question.id(),
                question.clientMessageId(), instance, at(1_000_000_000));
    }
}
