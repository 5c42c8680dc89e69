package io.confab.application.contract;

import static io.confab.application.contract.Fixtures.assertSameValue;
import static io.confab.application.contract.Fixtures.at;
import static io.confab.application.contract.Fixtures.conversation;
import static io.confab.application.contract.Fixtures.newMessageId;
import static io.confab.application.contract.Fixtures.newUser;
import static io.confab.domain.json.JsonValue.array;
import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationStatus;
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
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
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
                Map.of("topic", "hello"), at(0), at(11), Optional.empty(), 2, 42);
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
                Optional.empty(), Optional.of(question.id()), at(11));

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
