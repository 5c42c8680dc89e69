package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.SearchHit;
import io.confab.domain.TokenUsage;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageRepository#search} promises, whichever way its store matches words
 * (PostgreSQL text search, H2 substrings, whole words in memory): every word found in any case,
 * titles as hits without a message, other users' and deleted conversations never, the limit kept,
 * clear-cut relevance first, and no query text an error. Every test has fresh users.
 */
public abstract class MessageSearchContract {

    private ConversationRepository conversations;
    private MessageRepository messages;
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    /** The conversation store; called before each test, before {@link #messageRepository()}. */
    protected abstract ConversationRepository conversationRepository();

    /** The message store under test, backed by the same store as {@link #conversationRepository()}. */
    protected abstract MessageRepository messageRepository();

    @BeforeEach
    void setUpStore() {
        conversations = conversationRepository();
        messages = messageRepository();
    }

    @Test
    void findsTheMessagesWithEveryWord_inAnyCase_withTheirRoleSnippetAndTime() {
        Conversation baking = newConversation(alice, "Weekend");
        Message question = userMessage(baking, "How do I bake SOURDOUGH bread at home?", 10);
        Message answer = answer(baking, question, "Sourdough needs a lively starter and a long rise.", 11);
        userMessage(baking, "Thanks, and what about the weather tomorrow?", 12);

        List<SearchHit> hits = messages.search(alice, "sourdough", 20);

        assertThat(hits).extracting(SearchHit::messageId).containsExactlyInAnyOrder(
                Optional.of(question.id()), Optional.of(answer.id()));
        SearchHit fromAnswer = hits.stream().filter(hit -> hit.messageId().equals(Optional.of(answer.id())))
                .findFirst().orElseThrow();
        assertThat(fromAnswer.conversationId()).isEqualTo(baking.id());
        assertThat(fromAnswer.role()).isEqualTo("assistant");
        assertThat(fromAnswer.createdAt()).isEqualTo(at(11));
        assertThat(fromAnswer.snippet()).containsIgnoringCase("sourdough");
        assertThat(messageIds(messages.search(alice, "STARTER sourdough", 20))).containsExactly(answer.id());
        assertThat(messages.search(alice, "sourdough croissant", 20)).isEmpty();
    }

    @Test
    void findsTitles_asHitsWithoutAMessage() {
        Conversation trip = newConversation(alice, "Trip planning for Lisbon");
        userMessage(trip, "which museums open on Mondays?", 10);

        List<SearchHit> hits = messages.search(alice, "lisbon", 20);

        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst()).isEqualTo(SearchHit.inTitle(trip.id(), hits.getFirst().snippet(), trip.createdAt()));
        assertThat(hits.getFirst().snippet()).contains("Lisbon");
    }

    @Test
    void neverFindsAnotherUsersMessagesOrTitles() {
        Conversation mine = newConversation(alice, "alpine hiking");
        Message own = userMessage(mine, "alpine hiking boots", 10);
        Conversation theirs = newConversation(bob, "alpine hiking too");
        Message others = userMessage(theirs, "alpine hiking poles", 10);

        assertThat(messages.search(alice, "alpine hiking", 20)).extracting(SearchHit::conversationId)
                .containsOnly(mine.id());
        assertThat(messageIds(messages.search(alice, "alpine", 20))).containsExactly(own.id());
        assertThat(messageIds(messages.search(bob, "alpine", 20))).containsExactly(others.id());
        assertThat(messages.search(newUser(), "alpine", 20)).isEmpty();
    }

    @Test
    void neverFindsDeletedConversations() {
        Conversation gone = newConversation(alice, "secret garden");
        userMessage(gone, "the secret garden key", 10);
        Conversation kept = newConversation(alice, "kept");
        Message stays = userMessage(kept, "another secret", 10);

        conversations.delete(alice, gone.id(), at(20));

        assertThat(messages.search(alice, "secret", 20)).extracting(SearchHit::messageId)
                .containsExactly(Optional.of(stays.id()));
    }

    @Test
    void keepsTheLimit() {
        Conversation notes = newConversation(alice, "notes");
        for (int i = 0; i < 5; i++) {
            userMessage(notes, "reminder number " + i, 10 + i);
        }

        assertThat(messages.search(alice, "reminder", 3)).hasSize(3);
        assertThat(messages.search(alice, "reminder", 1)).hasSize(1);
    }

    @Test
    void ranksTheClearlyBetterMatchFirst() {
        Conversation fruit = newConversation(alice, "fruit");
        Message best = userMessage(fruit, "apple pie with apple sauce and apple cider", 10);
        userMessage(fruit, "an apple", 11);
        userMessage(fruit, "banana bread", 12);

        List<SearchHit> hits = messages.search(alice, "apple", 20);

        assertThat(hits).hasSize(2);
        assertThat(hits.getFirst().messageId()).contains(best.id());
    }

    @Test
    void aQueryOfOperatorsOrWildcards_findsNothing_andIsNoError() {
        Conversation plain = newConversation(alice, "plain");
        userMessage(plain, "nothing special here", 10);

        for (String query : List.of("%", "_", "%_%", "!!! \" -", "' or 1=1 --", "&|!():*")) {
            assertThat(messages.search(alice, query, 20)).as(query).isEmpty();
        }
    }

    @Test
    void cutsTheSnippetOfALongMessage_aroundTheMatch() {
        Conversation essay = newConversation(alice, "essay");
        String filler = "lorem ipsum dolor sit amet ".repeat(100);
        userMessage(essay, filler + "the needle is here " + filler, 10);

        SearchHit hit = messages.search(alice, "needle", 20).getFirst();

        assertThat(hit.snippet()).contains("needle").hasSizeLessThanOrEqualTo(SearchHit.MAX_SNIPPET);
    }

    private Conversation newConversation(UserId owner, String title) {
        Conversation created = conversation(owner, title, at(0));
        conversations.insert(created);
        return created;
    }

    private Message userMessage(Conversation in, String content, long second) {
        Message message = Message.fromUser(newMessageId(), in.id(), content, Optional.empty(), at(second));
        messages.append(in.owner(), message);
        return message;
    }

    private Message answer(Conversation in, Message question, String content, long second) {
        Message message = Message.fromAssistant(newMessageId(), in.id(), question.id(), content,
                MessageStatus.COMPLETE, List.of(), "test-model", TokenUsage.NONE, at(second));
        messages.append(in.owner(), message);
        return message;
    }

    private static List<MessageId> messageIds(List<SearchHit> hits) {
        return hits.stream().flatMap(hit -> hit.messageId().stream()).toList();
    }
}
