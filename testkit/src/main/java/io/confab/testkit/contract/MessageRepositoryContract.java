package io.confab.testkit.contract;

import static io.confab.domain.json.JsonValue.array;
import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RetentionPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MessageRepository} must have, together with the
 * {@link ConversationRepository} of the same store (appends move the conversation's counters).
 * Tests use fresh random users and conversations, so one database may serve every test.
 */
public abstract class MessageRepositoryContract {

    private ConversationRepository conversations;
    private MessageRepository messages;
    private final UserId alice = newUser();
    private final UserId bob = newUser();
    private Conversation conversation;

    /** The conversation store; called before each test, before {@link #messageRepository()}. */
    protected abstract ConversationRepository conversationRepository();

    /** The message store under test, backed by the same store as {@link #conversationRepository()}. */
    protected abstract MessageRepository messageRepository();

    @BeforeEach
    void setUpStore() {
        conversations = conversationRepository();
        messages = messageRepository();
        conversation = newConversation(alice);
    }

    @Test
    void append_storesTheMessage_andMovesTheCountersAndUpdatedAtOfTheConversation() {
        Message question = userMessage("hello", 10, null);
        Message answer = assistantMessage(question, "hi there", 11, new TokenUsage(30, 12));

        assertThat(messages.append(alice, question)).isInstanceOfSatisfying(AppendResult.Appended.class,
                appended -> assertThat(appended.message()).isEqualTo(question));
        assertThat(messages.append(alice, answer)).isInstanceOf(AppendResult.Appended.class);

        Conversation after = conversations.find(alice, conversation.id()).orElseThrow();
        assertThat(after.messageCount()).isEqualTo(2);
        assertThat(after.tokensUsed()).isEqualTo(42);
        assertThat(after.updatedAt()).isEqualTo(at(11));
        assertSameValue(messages.latest(alice, conversation.id(), 10).orElseThrow(), List.of(question, answer));
    }

    @Test
    void append_answersTheConversationAsItLeftIt_countersAndUpdatedAtMovedOn_theRestUnchanged() {
        Conversation named = conversations.update(conversation
                .withTitle("Greetings", at(1))
                .withStatus(ConversationStatus.ARCHIVED, at(1))
                .withMetadata(Map.of("topic", "hello"), at(1))).orElseThrow();
        Message question = userMessage("hello", 10, null);
        Message answer = assistantMessage(question, "hi there", 11, new TokenUsage(30, 12));
        messages.append(alice, question);

        AppendResult appended = messages.append(alice, answer);

        Conversation expected = new Conversation(named.id(), alice, "Greetings", ConversationStatus.ARCHIVED,
                Map.of("topic", "hello"), Optional.empty(), ConversationSettings.DEFAULTS, at(0), at(11), Optional.empty(), 2, 42);
        assertThat(appended).isEqualTo(new AppendResult.Appended(answer, expected));
        assertThat(conversations.find(alice, conversation.id())).contains(expected);
    }

    @Test
    void append_toAnotherUsersConversation_isConversationMissing_andWritesNothing() {
        Message intruding = userMessage("let me in", 10, null);

        assertThat(messages.append(bob, intruding)).isInstanceOf(AppendResult.ConversationMissing.class);

        assertThat(messages.latest(alice, conversation.id(), 10)).contains(List.of());
        assertThat(conversations.find(alice, conversation.id()).orElseThrow().messageCount()).isZero();
    }

    @Test
    void append_toADeletedConversation_isConversationMissing() {
        conversations.delete(alice, conversation.id(), at(1));

        assertThat(messages.append(alice, userMessage("anyone?", 10, null)))
                .isInstanceOf(AppendResult.ConversationMissing.class);
    }

    @Test
    void append_withARepeatedClientMessageId_isDuplicate_andWritesNothing() {
        Message first = userMessage("buy milk", 10, "key-1");
        messages.append(alice, first);

        AppendResult retry = messages.append(alice, userMessage("buy milk", 20, "key-1"));

        assertThat(retry).isInstanceOf(AppendResult.Duplicate.class);
        assertSameValue(((AppendResult.Duplicate) retry).existing(), first);
        Conversation after = conversations.find(alice, conversation.id()).orElseThrow();
        assertThat(after.messageCount()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(at(10));
        assertThat(messages.latest(alice, conversation.id(), 10).orElseThrow()).hasSize(1);
    }

    @Test
    void theSameClientMessageId_inAnotherConversation_isAppended() {
        messages.append(alice, userMessage("buy milk", 10, "key-1"));
        Conversation other = newConversation(alice);
        Message elsewhere = Message.fromUser(newMessageId(), other.id(), "buy milk", Optional.of("key-1"), at(11));

        assertThat(messages.append(alice, elsewhere)).isInstanceOf(AppendResult.Appended.class);
    }

    @Test
    void page_withoutBefore_returnsTheNewestMessagesOldestFirst_andSaysOlderOnesExist() {
        List<Message> all = appendUserMessages(5);

        MessagePage page = messages.page(alice, conversation.id(), Optional.empty(), 2).orElseThrow();

        assertThat(ids(page.items())).containsExactlyElementsOf(ids(all.subList(3, 5)));
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void page_beforeAMessage_returnsTheOlderOnesOldestFirst() {
        List<Message> all = appendUserMessages(5);

        MessagePage page = messages.page(alice, conversation.id(), Optional.of(all.get(3).id()), 2).orElseThrow();

        assertThat(ids(page.items())).containsExactlyElementsOf(ids(all.subList(1, 3)));
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void page_reachingTheFirstMessage_saysNoOlderOnesExist() {
        List<Message> all = appendUserMessages(3);

        MessagePage page = messages.page(alice, conversation.id(), Optional.of(all.get(2).id()), 2).orElseThrow();

        assertThat(ids(page.items())).containsExactlyElementsOf(ids(all.subList(0, 2)));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void walkingEveryPage_visitsEachMessageOnce_evenWhenMessagesShareATimestamp() {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Message message = Message.fromUser(newMessageId(), conversation.id(), "same second " + i,
                    Optional.empty(), at(10 + i / 3));
            messages.append(alice, message);
            all.add(message);
        }

        List<Message> walked = new ArrayList<>();
        Optional<MessageId> before = Optional.empty();
        MessagePage page;
        do {
            page = messages.page(alice, conversation.id(), before, 3).orElseThrow();
            walked.addAll(0, page.items());
            before = Optional.of(page.items().get(0).id());
        } while (page.hasMore());

        assertThat(ids(walked)).containsExactlyElementsOf(ids(all));
    }

    @Test
    void page_ofAnotherUsersConversation_isEmpty() {
        appendUserMessages(3);

        assertThat(messages.page(bob, conversation.id(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void page_ofADeletedConversation_isEmpty() {
        List<Message> all = appendUserMessages(3);
        conversations.delete(alice, conversation.id(), at(50));

        assertThat(messages.page(alice, conversation.id(), Optional.empty(), 10)).isEmpty();
        assertThat(messages.page(alice, conversation.id(), Optional.of(all.get(2).id()), 10)).isEmpty();
    }

    @Test
    void page_ofAConversationWithoutMessages_isAnEmptyPage() {
        MessagePage page = messages.page(alice, conversation.id(), Optional.empty(), 10).orElseThrow();

        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void latest_returnsTheNewestMessagesOldestFirst() {
        List<Message> all = appendUserMessages(6);

        List<Message> window = messages.latest(alice, conversation.id(), 4).orElseThrow();

        assertThat(ids(window)).containsExactlyElementsOf(ids(all.subList(2, 6)));
    }

    @Test
    void latest_onlyReadsTheGivenConversation() {
        List<Message> mine = appendUserMessages(2);
        Conversation other = newConversation(alice);
        messages.append(alice, Message.fromUser(newMessageId(), other.id(), "elsewhere", Optional.empty(), at(99)));

        assertThat(ids(messages.latest(alice, conversation.id(), 10).orElseThrow())).containsExactlyElementsOf(ids(mine));
    }

    @Test
    void latest_ofAnotherUsersConversation_isEmpty() {
        appendUserMessages(2);

        assertThat(messages.latest(bob, conversation.id(), 10)).isEmpty();
    }

    @Test
    void latest_ofAConversationWithoutMessages_isAnEmptyWindow() {
        assertThat(messages.latest(alice, conversation.id(), 10)).contains(List.of());
    }

    @Test
    void latest_ofADeletedOrUnknownConversation_isEmpty() {
        appendUserMessages(2);
        conversations.delete(alice, conversation.id(), at(50));

        assertThat(messages.latest(alice, conversation.id(), 10)).isEmpty();
        assertThat(messages.latest(alice, new ConversationId(newMessageId().value()), 10)).isEmpty();
    }

    @Test
    void findByClientMessageId_findsTheUserMessage_onlyForItsOwner() {
        Message sent = userMessage("buy milk", 10, "key-7");
        messages.append(alice, sent);

        assertThat(messages.findByClientMessageId(alice, conversation.id(), "key-7")).map(Message::id)
                .contains(sent.id());
        assertThat(messages.findByClientMessageId(alice, conversation.id(), "key-8")).isEmpty();
        assertThat(messages.findByClientMessageId(bob, conversation.id(), "key-7")).isEmpty();
    }

    @Test
    void findReply_findsTheAssistantMessageAnsweringAUserMessage_onlyForItsOwner() {
        Message question = userMessage("hello", 10, null);
        Message unanswered = userMessage("anyone?", 12, null);
        Message answer = assistantMessage(question, "hi", 11, TokenUsage.NONE);
        messages.append(alice, question);
        messages.append(alice, answer);
        messages.append(alice, unanswered);

        assertThat(messages.findReply(alice, conversation.id(), question.id())).map(Message::id).contains(answer.id());
        assertThat(messages.findReply(alice, conversation.id(), unanswered.id())).isEmpty();
        assertThat(messages.findReply(bob, conversation.id(), question.id())).isEmpty();
    }

    @Test
    void findReply_ofAUserMessageAnsweredTwice_isTheNewestAnswer() {
        Message question = userMessage("hello", 10, "key-10");
        Message lost = assistantMessage(question, "", 11, TokenUsage.NONE);
        Message again = assistantMessage(question, "hi", 12, TokenUsage.NONE);
        messages.append(alice, question);
        messages.append(alice, lost);
        messages.append(alice, again);

        assertThat(messages.findReply(alice, conversation.id(), question.id())).map(Message::id).contains(again.id());
    }

    @Test
    void replies_listEveryVersionOfAReply_newestFirst_upToTheLimit_onlyForItsOwner() {
        Message question = userMessage("hello", 10, null);
        Message first = assistantMessage(question, "hi", 11, TokenUsage.NONE);
        Message second = assistantMessage(question, "hello!", 12, TokenUsage.NONE);
        Message third = assistantMessage(question, "hey", 13, TokenUsage.NONE);
        messages.append(alice, question);
        messages.append(alice, first);
        messages.append(alice, second);
        messages.append(alice, third);

        assertThat(messages.replies(alice, conversation.id(), question.id(), 10)).extracting(Message::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(messages.replies(alice, conversation.id(), question.id(), 2)).extracting(Message::id)
                .containsExactly(third.id(), second.id());
        assertThat(messages.replies(alice, conversation.id(), third.id(), 10)).isEmpty();
        assertThat(messages.replies(bob, conversation.id(), question.id(), 10)).isEmpty();
        conversations.delete(alice, conversation.id(), at(20));
        assertThat(messages.replies(alice, conversation.id(), question.id(), 10)).isEmpty();
    }

    @Test
    void find_findsAMessageById_onlyInItsOwnersLiveConversation() {
        Message question = userMessage("hello", 10, null);
        Message answer = assistantMessage(question, "hi", 11, TokenUsage.NONE);
        messages.append(alice, question);
        messages.append(alice, answer);

        assertThat(messages.find(alice, conversation.id(), answer.id())).map(Message::content).contains("hi");
        assertThat(messages.find(alice, conversation.id(), newMessageId())).isEmpty();
        assertThat(messages.find(bob, conversation.id(), answer.id())).isEmpty();
        conversations.delete(alice, conversation.id(), at(20));
        assertThat(messages.find(alice, conversation.id(), answer.id())).isEmpty();
    }

    @Test
    void saveFeedback_isReadBackWithTheMessage_replacesAnEarlierOne_andStaysWithinItsOwnersLiveConversation() {
        Message question = userMessage("hello", 10, null);
        Message answer = assistantMessage(question, "hi", 11, TokenUsage.NONE);
        messages.append(alice, question);
        messages.append(alice, answer);
        Feedback down = new Feedback(Feedback.Rating.DOWN, Optional.of("too short"));

        assertThat(messages.saveFeedback(alice, conversation.id(), answer.id(),
                new Feedback(Feedback.Rating.UP, Optional.empty()))).isTrue();
        assertThat(messages.saveFeedback(alice, conversation.id(), answer.id(), down)).isTrue();

        assertThat(messages.find(alice, conversation.id(), answer.id()).orElseThrow().feedback()).contains(down);
        assertThat(messages.page(alice, conversation.id(), Optional.empty(), 10).orElseThrow().items())
                .extracting(Message::feedback).containsExactly(Optional.empty(), Optional.of(down));
        assertThat(messages.saveFeedback(bob, conversation.id(), answer.id(), down)).isFalse();
        assertThat(messages.saveFeedback(alice, conversation.id(), newMessageId(), down)).isFalse();
        assertThat(messages.saveFeedback(alice, newConversation(alice).id(), answer.id(), down)).isFalse();
        conversations.delete(alice, conversation.id(), at(20));
        assertThat(messages.saveFeedback(alice, conversation.id(), answer.id(), down)).isFalse();
    }

    @Test
    void anAssistantMessage_roundTripsWithItsToolCallsModelUsageAndMetadata() {
        Message question = userMessage("add milk and list my tasks", 10, "key-9");
        JsonValue task = object("id", of(1), "title", of("buy milk"), "completed", of(false),
                "tags", array(List.of(of("shop"), of("daily"))), "due", JsonValue.Null.INSTANCE);
        List<ToolCall> calls = List.of(
                new ToolCall("call_1", "add_task", object("title", of("buy milk")), object("task", task),
                        ToolCallStatus.OK, Duration.ofMillis(12)),
                new ToolCall("call_2", "list_tasks", object("status", of("all"), "limit", of(5)),
                        object("error", of("store is busy")), ToolCallStatus.ERROR, Duration.ofMillis(3)));
        Message answer = new Message(newMessageId(), conversation.id(), Role.ASSISTANT, "Added it.",
                MessageStatus.INTERRUPTED, calls, Optional.of("gpt-test"), new TokenUsage(120, 34),
                object("service_type", of("plumbing"), "confidence", new JsonValue.Num(new BigDecimal("0.85")),
                        "next_steps", array(List.of(of("call a plumber"))), "urgent", of(true)),
                Optional.empty(), Optional.of(question.id()), at(11), Optional.empty());

        messages.append(alice, question);
        messages.append(alice, answer);

        assertSameValue(messages.latest(alice, conversation.id(), 2).orElseThrow(), List.of(question, answer));
        assertSameValue(messages.findReply(alice, conversation.id(), question.id()).orElseThrow(), answer);
    }

    @Test
    void page_ofMessagesWithSeveralToolCalls_countsMessages_andKeepsEachOnesCallsInOrder() {
        List<Message> all = appendTurnsWithToolCalls();

        MessagePage newest = messages.page(alice, conversation.id(), Optional.empty(), 3).orElseThrow();
        MessagePage older = messages.page(alice, conversation.id(), Optional.of(all.get(3).id()), 3).orElseThrow();

        assertSameValue(newest, new MessagePage(all.subList(3, 6), true));
        assertSameValue(older, new MessagePage(all.subList(0, 3), false));
    }

    @Test
    void latest_ofMessagesWithSeveralToolCalls_countsMessages_andKeepsEachOnesCallsInOrder() {
        List<Message> all = appendTurnsWithToolCalls();

        assertSameValue(messages.latest(alice, conversation.id(), 4).orElseThrow(), all.subList(2, 6));
    }

    @Test
    void insertAll_storesTheConversationWithItsMessagesInOrder_andCountsThem() {
        Conversation imported = new Conversation(Fixtures.newConversationId(), alice, "imported", ConversationStatus.ARCHIVED,
                Map.of("from", "export"), Optional.empty(), ConversationSettings.DEFAULTS, at(1), at(30), Optional.empty(), 99, 999);
        Message question = new Message(newMessageId(), imported.id(), Role.USER, "add milk", MessageStatus.COMPLETE,
                List.of(), Optional.empty(), TokenUsage.NONE, JsonValue.Obj.empty(), Optional.empty(), Optional.empty(), at(10),
                Optional.empty());
        Message answer = new Message(newMessageId(), imported.id(), Role.ASSISTANT, "Added.", MessageStatus.COMPLETE,
                List.of(new ToolCall("call_1", "add_task", object("title", of("milk")), object("id", of(1)),
                        ToolCallStatus.OK, Duration.ofMillis(5))),
                Optional.of("m"), new TokenUsage(20, 5), JsonValue.Obj.empty(), Optional.empty(), Optional.of(question.id()), at(11),
                Optional.of(new Feedback(Feedback.Rating.UP, Optional.of("good"))));

        Conversation stored = messages.insertAll(imported, List.of(question, answer));

        assertThat(stored.messageCount()).isEqualTo(2);
        assertThat(stored.tokensUsed()).isEqualTo(25);
        assertThat(conversations.find(alice, imported.id())).contains(stored);
        assertSameValue(messages.latest(alice, imported.id(), 10).orElseThrow(), List.of(question, answer));
        assertThat(messages.latest(bob, imported.id(), 10)).isEmpty();
    }

    @Test
    void insertAll_ofMoreMessagesThanOneStatementTakes_storesThemAll() {
        Conversation imported = conversation(alice, "long", at(1));
        List<Message> many = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            many.add(new Message(newMessageId(), imported.id(), Role.ASSISTANT, "reply " + i, MessageStatus.COMPLETE,
                    List.of(new ToolCall("call_" + i, "list_tasks", object(), object(), ToolCallStatus.OK, Duration.ZERO)),
                    Optional.empty(), TokenUsage.NONE, JsonValue.Obj.empty(), Optional.empty(), Optional.empty(), at(10 + i), Optional.empty()));
        }

        assertThat(messages.insertAll(imported, many).messageCount()).isEqualTo(1_100);

        assertThat(ids(messages.latest(alice, imported.id(), 2_000).orElseThrow())).isEqualTo(ids(many));
    }

    @Test
    void insertAll_thatFails_writesNothing() {
        Conversation imported = conversation(alice, "half", at(1));
        Message first = userMessage("first", 10, null);
        Message clash = new Message(first.id(), imported.id(), Role.USER, "same id", MessageStatus.COMPLETE, List.of(),
                Optional.empty(), TokenUsage.NONE, JsonValue.Obj.empty(), Optional.empty(), Optional.empty(), at(11), Optional.empty());
        Message own = new Message(newMessageId(), imported.id(), Role.USER, "mine", MessageStatus.COMPLETE, List.of(),
                Optional.empty(), TokenUsage.NONE, JsonValue.Obj.empty(), Optional.empty(), Optional.empty(), at(10), Optional.empty());
        messages.append(alice, first);

        try {
            messages.insertAll(imported, List.of(own, clash));
        } catch (RuntimeException expected) {
            // the message id is taken: the whole import fails
        }

        assertThat(conversations.find(alice, imported.id())).isEmpty();
        assertThat(conversations.find(alice, conversation.id()).orElseThrow().messageCount()).isEqualTo(1);
    }

    @Test
    void eraseOwner_erasesEveryConversationOfTheOwner_liveOrDeleted_withItsMessages_andNothingOfOthers() {
        appendTurnsWithToolCalls();
        messages.saveFeedback(alice, conversation.id(),
                messages.latest(alice, conversation.id(), 1).orElseThrow().getFirst().id(),
                new Feedback(Feedback.Rating.DOWN, Optional.empty()));
        Conversation deleted = newConversation(alice);
        conversations.delete(alice, deleted.id(), at(40));
        Conversation bobs = newConversation(bob);
        Message bobsMessage = Message.fromUser(newMessageId(), bobs.id(), "mine", Optional.empty(), at(5));
        messages.append(bob, bobsMessage);

        assertThat(messages.eraseOwner(alice)).isEqualTo(2);

        assertThat(conversations.find(alice, conversation.id())).isEmpty();
        assertThat(conversations.list(alice, ConversationQuery.firstPage()).total())
                .isZero();
        assertThat(messages.latest(alice, conversation.id(), 10)).isEmpty();
        assertSameValue(messages.latest(bob, bobs.id(), 10).orElseThrow(), List.of(bobsMessage));
        assertThat(messages.eraseOwner(alice)).isZero();
    }

    @Test
    void eraseOwner_ofAnAccountLargerThanOneBatch_erasesAll() {
        for (int i = 0; i < 120; i++) {
            newConversation(alice);
        }

        assertThat(messages.eraseOwner(alice)).isEqualTo(121);
        assertThat(conversations.list(alice, ConversationQuery.firstPage()).total())
                .isZero();
    }

    @Test
    void purge_erasesWhatTheRetentionNoLongerKeeps_withItsMessages_andNothingElse() {
        long day = Duration.ofDays(1).toSeconds();
        Instant now = at(10_000 * day);
        Conversation untouchedLong = untouched(alice, now, 31, Optional.empty());
        Conversation untouchedShort = untouched(alice, now, 29, Optional.empty());
        Conversation ownWeekPast = untouched(bob, now, 8, Optional.of(7));
        Conversation ownWeekWithin = untouched(bob, now, 6, Optional.of(7));
        Conversation ownTwoMonths = untouched(alice, now, 31, Optional.of(60));
        Conversation deletedLongAgo = untouched(alice, now, 90, Optional.empty());
        conversations.delete(alice, deletedLongAgo.id(), now.minus(Duration.ofDays(31)));
        Conversation deletedLately = untouched(alice, now, 90, Optional.of(60));
        conversations.delete(alice, deletedLately.id(), now.minus(Duration.ofDays(29)));
        Message old = Message.fromUser(newMessageId(), ownWeekPast.id(), "old", Optional.empty(), now.minus(Duration.ofDays(8)));
        messages.append(bob, old);

        long purged = messages.purge(new RetentionPolicy(Optional.of(Duration.ofDays(30)), Duration.ofDays(30)), now);

        assertThat(purged).isGreaterThanOrEqualTo(3);
        assertThat(conversations.find(alice, untouchedLong.id())).isEmpty();
        assertThat(conversations.find(bob, ownWeekPast.id())).isEmpty();
        assertThat(messages.find(bob, ownWeekPast.id(), old.id())).isEmpty();
        assertThat(List.of(untouchedShort, ownTwoMonths)).allSatisfy(kept ->
                assertThat(conversations.find(alice, kept.id())).isPresent());
        assertThat(conversations.find(bob, ownWeekWithin.id())).isPresent();
        assertThat(messages.eraseOwner(alice)).as("the deleted one kept for 30 days is still there to erase")
                .isEqualTo(3);
        assertThat(messages.purge(new RetentionPolicy(Optional.empty(), Duration.ofDays(30)), now)).isZero();
    }

    /** A live conversation last touched {@code daysAgo} before {@code now}, keeping its own retention if given. */
    private Conversation untouched(UserId owner, Instant now, int daysAgo, Optional<Integer> ownDays) {
        Instant touched = now.minus(Duration.ofDays(daysAgo));
        Conversation created = conversation(owner, "", touched)
                .withSettings(new ConversationSettings(Optional.empty(), Optional.empty(), ownDays), touched);
        conversations.insert(created);
        return created;
    }

    @Test
    void lastMessages_isTheNewestMessageOfEachListedConversation_withTheStartOfItsContent() {
        Message question = userMessage("is the pipe fixed?", 10, null);
        String longReply = "Yes. " + "x".repeat(300);
        Message answer = assistantMessage(question, longReply, 11, TokenUsage.NONE);
        messages.append(alice, question);
        messages.append(alice, answer);
        Conversation other = newConversation(alice);
        Message otherQuestion = Message.fromUser(newMessageId(), other.id(), "hello", Optional.empty(), at(12));
        messages.append(alice, otherQuestion);
        Conversation empty = newConversation(alice);

        Map<ConversationId, MessagePreview> last = messages.lastMessages(alice, List.of(conversation.id(), other.id(), empty.id()));

        assertThat(last).containsOnlyKeys(conversation.id(), other.id());
        assertThat(last.get(conversation.id())).isEqualTo(new MessagePreview(conversation.id(), Role.ASSISTANT,
                longReply.substring(0, MessagePreview.MAX_CONTENT), at(11)));
        assertThat(last.get(other.id())).isEqualTo(new MessagePreview(other.id(), Role.USER, "hello", at(12)));
    }

    @Test
    void lastMessages_ofMessagesSharingATimestamp_isTheOneWithTheGreatestId() {
        List<Message> sameSecond = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Message message = userMessage("message " + i, 10, null);
            messages.append(alice, message);
            sameSecond.add(message);
        }
        Message newest = sameSecond.getLast(); // ids are time-ordered: the last one is the greatest

        assertThat(messages.lastMessages(alice, List.of(conversation.id())).get(conversation.id()).content())
                .isEqualTo(newest.content());
    }

    @Test
    void lastMessages_leavesOutAnotherUsersAndDeletedConversations() {
        messages.append(alice, userMessage("mine", 10, null));
        Conversation deleted = newConversation(alice);
        messages.append(alice, Message.fromUser(newMessageId(), deleted.id(), "gone", Optional.empty(), at(11)));
        conversations.delete(alice, deleted.id(), at(12));

        assertThat(messages.lastMessages(bob, List.of(conversation.id()))).isEmpty();
        assertThat(messages.lastMessages(alice, List.of(conversation.id(), deleted.id()))).containsOnlyKeys(conversation.id());
        assertThat(messages.lastMessages(alice, List.of())).isEmpty();
    }

    private Conversation newConversation(UserId owner) {
        Conversation created = conversation(owner, "", at(0));
        conversations.insert(created);
        return created;
    }

    private Message userMessage(String content, long second, String clientMessageId) {
        return Message.fromUser(newMessageId(), conversation.id(), content, Optional.ofNullable(clientMessageId),
                at(second));
    }

    private Message assistantMessage(Message question, String content, long second, TokenUsage usage) {
        return Message.fromAssistant(newMessageId(), conversation.id(), question.id(), content,
                MessageStatus.COMPLETE, List.of(), "test-model", usage, at(second));
    }

    /**
     * Three turns, oldest first: a question without tool calls, then an answer with 3, 2 and 3
     * calls whose ids do not sort in call order.
     */
    private List<Message> appendTurnsWithToolCalls() {
        List<Message> appended = new ArrayList<>();
        int[] callsPerAnswer = {3, 2, 3};
        for (int turn = 0; turn < callsPerAnswer.length; turn++) {
            Message question = userMessage("question " + turn, 10 + 2L * turn, null);
            List<ToolCall> calls = new ArrayList<>();
            for (int call = callsPerAnswer[turn]; call > 0; call--) {
                calls.add(new ToolCall("call_" + turn + "_" + call, "tool_" + call, object("n", of(call)),
                        object("ok", of(true)), ToolCallStatus.OK, Duration.ofMillis(call)));
            }
            Message answer = Message.fromAssistant(newMessageId(), conversation.id(), question.id(), "answer " + turn,
                    MessageStatus.COMPLETE, calls, "test-model", TokenUsage.NONE, at(11 + 2L * turn));
            messages.append(alice, question);
            messages.append(alice, answer);
            appended.addAll(List.of(question, answer));
        }
        return appended;
    }

    private List<Message> appendUserMessages(int count) {
        List<Message> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = userMessage("message " + i, 10 + i, null);
            messages.append(alice, message);
            appended.add(message);
        }
        return appended;
    }

    private static List<MessageId> ids(List<Message> list) {
        return list.stream().map(Message::id).toList();
    }
}
