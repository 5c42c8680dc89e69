package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.ListedConversation;
import io.confab.domain.Message;
import io.confab.domain.MessagePreview;
import io.confab.domain.MessageStatus;
import io.confab.domain.Page;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConversationRepository} must have, its listing with the newest
 * messages over the {@link MessageRepository} of the same store. Subclass it once per adapter;
 * tests use fresh random users, so one database may serve every test.
 */
public abstract class ConversationRepositoryContract {

    private ConversationRepository repository;
    private MessageRepository messages;
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    /** The repository under test; called before each test. */
    protected abstract ConversationRepository conversationRepository();

    /** The message store of the same store; called after {@link #conversationRepository()}. */
    protected abstract MessageRepository messageRepository();

    @BeforeEach
    void setUpRepository() {
        repository = conversationRepository();
        messages = messageRepository();
    }

    @Test
    void insertedConversation_isFoundByItsOwner_withEveryField() {
        Conversation stored = new Conversation(newConversationId(), alice, "Trip to Lisbon", ConversationStatus.CLOSED,
                Map.of("channel", "web", "lang", "pt"), Optional.of(new ExternalId("trip-42")), new ConversationSettings(Optional.of("Answer in Portuguese."), Optional.of("model-b"), Optional.of(30)), at(0), at(5), Optional.empty(), 0, 0);
        repository.insert(stored);

        assertThat(repository.find(alice, stored.id())).contains(stored);
    }

    @Test
    void find_ofAnotherUsersConversation_isEmpty() {
        Conversation alices = insert(alice, "mine", 0);

        assertThat(repository.find(bob, alices.id())).isEmpty();
    }

    @Test
    void find_ofAnUnknownId_isEmpty() {
        assertThat(repository.find(alice, newConversationId())).isEmpty();
    }

    @Test
    void list_returnsOnlyTheOwnersConversations_mostRecentlyUpdatedFirst() {
        Conversation old = insert(alice, "old", 10);
        Conversation newest = insert(alice, "newest", 30);
        Conversation middle = insert(alice, "middle", 20);
        insert(bob, "bob's", 40);

        Page<Conversation> page = repository.list(alice, ConversationQuery.firstPage());

        assertThat(page.items()).containsExactly(newest, middle, old);
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void list_returnsTheRequestedSlice_andTheTotalOfAllMatches() {
        for (int i = 0; i < 5; i++) {
            insert(alice, "conversation " + i, i);
        }

        Page<Conversation> page = repository.list(alice, query(1, 2, null, null));

        assertThat(page.items()).extracting(Conversation::title).containsExactly("conversation 3", "conversation 2");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
    }

    @Test
    void list_pastTheEnd_isEmpty_butStillCountsTheTotal() {
        insert(alice, "only", 0);

        Page<Conversation> page = repository.list(alice, query(5, 10, null, null));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void list_filteredByStatus_returnsOnlyThatStatus() {
        insert(alice, "active one", 0);
        Conversation archived = repository.update(insert(alice, "archived one", 1)
                .withStatus(ConversationStatus.ARCHIVED, at(2))).orElseThrow();

        Page<Conversation> page = repository.list(alice, query(0, 20, ConversationStatus.ARCHIVED, null));

        assertThat(page.items()).containsExactly(archived);
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void list_filteredByText_matchesTitlesContainingIt_ignoringCase() {
        Conversation lisbon = insert(alice, "Trip to LISBON", 0);
        Conversation porto = insert(alice, "lisbon and Porto", 1);
        insert(alice, "Groceries", 2);

        Page<Conversation> page = repository.list(alice, query(0, 20, null, "Lisbon"));

        assertThat(page.items()).containsExactly(porto, lisbon);
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void list_withBothFilters_appliesBoth() {
        insert(alice, "plan A", 0);
        Conversation closedPlan = repository.update(insert(alice, "plan B", 1)
                .withStatus(ConversationStatus.CLOSED, at(2))).orElseThrow();
        repository.update(insert(alice, "other", 3).withStatus(ConversationStatus.CLOSED, at(4)));

        Page<Conversation> page = repository.list(alice, query(0, 20, ConversationStatus.CLOSED, "plan"));

        assertThat(page.items()).containsExactly(closedPlan);
    }

    @Test
    void update_savesTitleStatusMetadataAndUpdatedAt() {
        Conversation original = insert(alice, "draft", 0);
        Conversation changed = original.withTitle("final", at(10))
                .withStatus(ConversationStatus.CLOSED, at(10))
                .withMetadata(Map.of("k", "v"), at(10));

        Optional<Conversation> saved = repository.update(changed);

        assertThat(saved).contains(changed);
        assertThat(repository.find(alice, original.id())).contains(changed);
    }

    @Test
    void update_movesTheConversationToTheTopOfTheList() {
        Conversation first = insert(alice, "first", 0);
        Conversation second = insert(alice, "second", 1);

        Conversation renamed = repository.update(first.withTitle("renamed", at(2))).orElseThrow();

        assertThat(repository.list(alice, ConversationQuery.firstPage()).items()).containsExactly(renamed, second);
    }

    @Test
    void update_ofAnotherUsersConversation_isEmpty_andChangesNothing() {
        Conversation alices = insert(alice, "mine", 0);
        Conversation forged = new Conversation(alices.id(), bob, "hijacked", ConversationStatus.ACTIVE, Map.of(), Optional.empty(), ConversationSettings.DEFAULTS,
                alices.createdAt(), at(9), Optional.empty(), 0, 0);

        assertThat(repository.update(forged)).isEmpty();
        assertThat(repository.find(alice, alices.id())).contains(alices);
    }

    @Test
    void delete_softDeletes_soTheConversationIsNotFoundNotListedAndNotUpdated() {
        Conversation doomed = insert(alice, "doomed", 0);
        Conversation kept = insert(alice, "kept", 1);

        assertThat(repository.delete(alice, doomed.id(), at(5))).isTrue();

        assertThat(repository.find(alice, doomed.id())).isEmpty();
        assertThat(repository.list(alice, ConversationQuery.firstPage()).items()).containsExactly(kept);
        assertThat(repository.list(alice, ConversationQuery.firstPage()).total()).isEqualTo(1);
        assertThat(repository.update(doomed.withTitle("revived", at(6)))).isEmpty();
    }

    @Test
    void delete_twice_isFalseTheSecondTime() {
        Conversation doomed = insert(alice, "doomed", 0);
        repository.delete(alice, doomed.id(), at(5));

        assertThat(repository.delete(alice, doomed.id(), at(6))).isFalse();
    }

    @Test
    void delete_ofAnotherUsersConversation_isFalse_andKeepsIt() {
        Conversation alices = insert(alice, "mine", 0);

        assertThat(repository.delete(bob, alices.id(), at(5))).isFalse();
        assertThat(repository.find(alice, alices.id())).contains(alices);
    }

    @Test
    void insert_withAnExternalIdTheOwnerAlreadyUses_answersThatConversation_andStoresNothing() {
        Conversation first = repository.insert(named(alice, "chat-1", "first", 0));

        Conversation again = repository.insert(named(alice, "chat-1", "second", 1));

        assertThat(again).isEqualTo(first);
        assertThat(repository.list(alice, ConversationQuery.firstPage()).items()).containsExactly(first);
    }

    @Test
    void insert_withAnExternalIdAnotherUserUses_storesAnotherConversation() {
        Conversation alices = repository.insert(named(alice, "chat-1", "alice's", 0));

        Conversation bobs = repository.insert(named(bob, "chat-1", "bob's", 1));

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(repository.find(bob, bobs.id())).contains(bobs);
        assertThat(repository.find(alice, alices.id())).contains(alices);
    }

    @Test
    void insert_withoutExternalIds_storesEveryConversation() {
        insert(alice, "one", 0);
        insert(alice, "two", 1);

        assertThat(repository.list(alice, ConversationQuery.firstPage()).total()).isEqualTo(2);
    }

    @Test
    void delete_releasesTheExternalId_forANewConversation() {
        Conversation deleted = repository.insert(named(alice, "chat-1", "old", 0));
        repository.delete(alice, deleted.id(), at(1));

        Conversation fresh = named(alice, "chat-1", "new", 2);

        assertThat(repository.insert(fresh)).isEqualTo(fresh);
        assertThat(repository.find(alice, fresh.id())).contains(fresh);
    }

    @Test
    void update_keepsTheExternalId() {
        Conversation original = repository.insert(named(alice, "chat-1", "draft", 0));

        Conversation renamed = repository.update(original.withTitle("final", at(1))).orElseThrow();

        assertThat(renamed.externalId()).contains(new ExternalId("chat-1"));
    }

    @Test
    void concurrentInserts_withOneExternalId_storeOneConversation_andAllAnswerIt() throws Exception {
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Callable<Conversation>> inserts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Conversation candidate = named(alice, "raced", "racer " + i, i);
            inserts.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                return repository.insert(candidate);
            });
        }
        Set<ConversationId> answered = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (Future<Conversation> result : pool.invokeAll(inserts)) {
                answered.add(result.get(30, TimeUnit.SECONDS).id());
            }
        }

        assertThat(answered).hasSize(1);
        assertThat(repository.list(alice, ConversationQuery.firstPage()).items())
                .extracting(Conversation::id).containsExactlyElementsOf(answered);
    }

    @Test
    void listWithLastMessages_pairsEachConversationWithItsNewestMessage_cutToTheStartOfItsContent() {
        Conversation answered = insert(alice, "answered", 0);
        Message question = say(answered, "is the pipe fixed?", 10);
        String longReply = "Yes. " + "x".repeat(300);
        messages.append(alice, Message.fromAssistant(newMessageId(), answered.id(), question.id(), longReply,
                MessageStatus.COMPLETE, List.of(), "test-model", TokenUsage.NONE, at(11)));
        Conversation asked = insert(alice, "asked", 1);
        say(asked, "hello", 12);
        Conversation silent = insert(alice, "silent", 2);

        Page<ListedConversation> page = repository.listWithLastMessages(alice, ConversationQuery.firstPage(), messages);

        assertThat(page.items()).containsExactly(
                listed(asked.id(), new MessagePreview(asked.id(), Role.USER, "hello", at(12))),
                listed(answered.id(), new MessagePreview(answered.id(), Role.ASSISTANT,
                        longReply.substring(0, MessagePreview.MAX_CONTENT), at(11))),
                new ListedConversation(silent, Optional.empty()));
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void listWithLastMessages_ofMessagesSharingATimestamp_showsTheOneWithTheGreatestId() {
        Conversation chatty = insert(alice, "chatty", 0);
        Message newest = null;
        for (int i = 0; i < 3; i++) {
            newest = say(chatty, "message " + i, 10); // ids are time-ordered: the last one is the greatest
        }

        Page<ListedConversation> page = repository.listWithLastMessages(alice, ConversationQuery.firstPage(), messages);

        assertThat(page.items()).singleElement().extracting(ListedConversation::lastMessage)
                .isEqualTo(Optional.of(new MessagePreview(chatty.id(), Role.USER, newest.content(), at(10))));
    }

    @Test
    void listWithLastMessages_leavesOutAnotherUsersAndDeletedConversations() {
        Conversation mine = insert(alice, "mine", 0);
        say(mine, "mine", 10);
        Conversation deleted = insert(alice, "deleted", 1);
        say(deleted, "gone", 11);
        repository.delete(alice, deleted.id(), at(12));
        say(insert(bob, "bob's", 2), "bob's", 13);

        Page<ListedConversation> page = repository.listWithLastMessages(alice, ConversationQuery.firstPage(), messages);

        assertThat(page.items()).extracting(listed -> listed.conversation().id()).containsExactly(mine.id());
        assertThat(page.items().getFirst().lastMessage()).map(MessagePreview::content).contains("mine");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void listWithLastMessages_isTheRequestedSliceOfTheStatus_withTheTotalOfAllItsMatches() {
        List<Conversation> archived = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Conversation conversation = insert(alice, "archived " + i, i);
            say(conversation, "about " + i, 10 + i);
            archived.add(repository.update(repository.find(alice, conversation.id()).orElseThrow()
                    .withStatus(ConversationStatus.ARCHIVED, at(20 + i))).orElseThrow());
        }
        say(insert(alice, "active", 5), "still going", 30);

        Page<ListedConversation> page = repository.listWithLastMessages(alice,
                query(1, 2, ConversationStatus.ARCHIVED, null), messages);

        assertThat(page.items()).extracting(ListedConversation::conversation)
                .containsExactly(archived.get(2), archived.get(1));
        assertThat(page.items()).extracting(listed -> listed.lastMessage().map(MessagePreview::content))
                .containsExactly(Optional.of("about 2"), Optional.of("about 1"));
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
    }

    @Test
    void listWithLastMessages_pastTheEnd_isEmpty_butStillCountsTheTotal() {
        say(insert(alice, "only", 0), "hello", 10);

        Page<ListedConversation> page = repository.listWithLastMessages(alice, query(5, 10, null, null), messages);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void listWithLastMessages_filteredByText_showsTheMatchesNewestMessages() {
        Conversation lisbon = insert(alice, "Trip to Lisbon", 0);
        say(lisbon, "flights?", 10);
        say(insert(alice, "Groceries", 1), "milk", 11);

        Page<ListedConversation> page = repository.listWithLastMessages(alice, query(0, 20, null, "lisbon"), messages);

        assertThat(page.items()).containsExactly(
                listed(lisbon.id(), new MessagePreview(lisbon.id(), Role.USER, "flights?", at(10))));
        assertThat(page.total()).isEqualTo(1);
    }

    /** The conversation as it is stored now (its counters moved by appends) with that preview. */
    private ListedConversation listed(ConversationId id, MessagePreview preview) {
        return new ListedConversation(repository.find(alice, id).orElseThrow(), Optional.of(preview));
    }

    /** Appends a user message to the owner's conversation. */
    private Message say(Conversation conversation, String content, long second) {
        Message message = Message.fromUser(newMessageId(), conversation.id(), content, Optional.empty(), at(second));
        messages.append(conversation.owner(), message);
        return message;
    }

    private static Conversation named(UserId owner, String externalId, String title, long second) {
        return Conversation.start(newConversationId(), owner, title, Map.of(), Optional.of(new ExternalId(externalId)),
                at(second));
    }

    private Conversation insert(UserId owner, String title, long second) {
        Conversation conversation = conversation(owner, title, at(second));
        repository.insert(conversation);
        return conversation;
    }

    private static ConversationQuery query(int offset, int limit, ConversationStatus status, String text) {
        return new ConversationQuery(offset, limit, Optional.ofNullable(status), Optional.ofNullable(text));
    }

    @Test
    void update_setsAndClearsTheConversationsOwnSettings() {
        Conversation stored = conversation(alice, "Plans", at(0));
        repository.insert(stored);
        ConversationSettings own = new ConversationSettings(Optional.of("Be terse."), Optional.of("model-b"), Optional.of(7));

        assertThat(repository.update(stored.withSettings(own, at(1)))).map(Conversation::settings).contains(own);
        assertThat(repository.find(alice, stored.id())).map(Conversation::settings).contains(own);
        repository.update(stored.withSettings(ConversationSettings.DEFAULTS, at(2)));
        assertThat(repository.find(alice, stored.id())).map(Conversation::settings).contains(ConversationSettings.DEFAULTS);
    }
}
