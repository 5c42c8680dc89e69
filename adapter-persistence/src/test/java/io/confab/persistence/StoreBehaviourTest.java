package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.Stores;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.ConversationQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What only a real database can show: concurrent writers, and transactions that roll back whole. */
@ParameterizedClass
@EnumSource(Backend.class)
class StoreBehaviourTest {

    private static final int WRITERS = 8;

    @Parameter
    Backend backend;

    private TestDatabase database;
    private Stores stores;
    private final UserId alice = newUser();
    private Conversation conversation;

    @BeforeEach
    void openStores() {
        database = backend.freshDatabase();
        stores = backend.open(database.settings());
        conversation = conversation(alice, "chat", at(0));
        stores.conversations().insert(conversation);
    }

    @AfterEach
    void closeStores() {
        stores.close();
        database.close();
    }

    @Test
    void concurrentAppends_ofOneClientMessageId_storeOneMessage_andAnswerEveryOtherWithIt() throws Exception {
        List<AppendResult> results = concurrently(WRITERS, writer ->
                stores.messages().append(alice, Turns.userMessage(conversation, "buy milk", 10 + writer, "retry-key")));

        List<Message> stored = stores.messages().latest(alice, conversation.id(), 10).orElseThrow();
        assertThat(stored).hasSize(1);
        assertThat(results).filteredOn(AppendResult.Appended.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(AppendResult.Duplicate.class::isInstance)
                .hasSize(WRITERS - 1)
                .allSatisfy(result -> assertThat(((AppendResult.Duplicate) result).existing().id())
                        .isEqualTo(stored.get(0).id()));
        assertThat(stores.conversations().find(alice, conversation.id()).orElseThrow().messageCount()).isEqualTo(1);
    }

    @Test
    void concurrentAppends_toOneConversation_countEveryMessage() throws Exception {
        concurrently(WRITERS, writer -> {
            for (int i = 0; i < 5; i++) {
                stores.messages().append(alice, Turns.userMessage(conversation, "w" + writer + " m" + i, 10 + i, null));
            }
            return null;
        });

        assertThat(stores.conversations().find(alice, conversation.id()).orElseThrow().messageCount())
                .isEqualTo(WRITERS * 5);
        assertThat(stores.messages().latest(alice, conversation.id(), 100).orElseThrow()).hasSize(WRITERS * 5);
    }

    @Test
    void anAppendWhoseToolCallCannotBeStored_writesNeitherTheMessageNorTheCounters() {
        Message question = Turns.userMessage(conversation, "add milk", 10, null);
        stores.messages().append(alice, question);
        Message tooLong = Turns.answerWithToolCall(question, "c".repeat(300), 11);

        assertThatThrownBy(() -> stores.messages().append(alice, tooLong)).isInstanceOf(RuntimeException.class);

        assertThat(stores.messages().latest(alice, conversation.id(), 10).orElseThrow()).extracting(Message::id)
                .containsExactly(question.id());
        Conversation after = stores.conversations().find(alice, conversation.id()).orElseThrow();
        assertThat(after.messageCount()).isEqualTo(1);
        assertThat(after.tokensUsed()).isZero();
        assertThat(after.updatedAt()).isEqualTo(at(10));
    }

    @Test
    void aListTextQuery_matchesLikeWildcardsLiterally() {
        Conversation percent = conversation(alice, "100% done", at(1));
        stores.conversations().insert(percent);
        stores.conversations().insert(conversation(alice, "1000 done", at(2)));

        var page = stores.conversations().list(alice,
                new ConversationQuery(0, 10, Optional.empty(), Optional.of("0% d")));

        assertThat(page.items()).containsExactly(percent);
    }

    @Test
    void anOpenStore_isAvailable() {
        assertThat(stores.isAvailable()).isTrue();
    }

    private static <T> List<T> concurrently(int writers, Writer<T> writer) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                int index = i;
                Callable<T> task = () -> writer.write(index);
                futures.add(pool.submit(task));
            }
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** One concurrent writer's work. */
    @FunctionalInterface
    private interface Writer<T> {
        T write(int index) throws Exception;
    }
}
