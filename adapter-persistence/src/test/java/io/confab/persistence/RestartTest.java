package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.Stores;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.Message;
import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.TaskFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Everything written through one store is read back unchanged by a new store on the same database. */
@ParameterizedClass
@EnumSource(Backend.class)
class RestartTest {

    @Parameter
    Backend backend;

    @TempDir
    Path directory;

    private TestDatabase database;
    private final UserId alice = newUser();
    private final Conversation conversation = new Conversation(newConversationId(), alice, "Groceries",
            ConversationStatus.ACTIVE, Map.of("channel", "web"), Optional.empty(), ConversationSettings.DEFAULTS, at(0), at(0), Optional.empty(), 0, 0);
    private final Message question = Turns.userMessage(conversation, "add a task to buy milk", 10, "key-1");
    private final Message answer = Turns.answerWithToolCall(question, "call_1", 11);

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aStoreOpenedAfterAnotherClosed_readsBackEverythingItWrote() {
        database = backend.freshDurableDatabase(directory);
        List<Task> tasks;
        try (Stores first = backend.open(database.settings())) {
            first.conversations().insert(conversation);
            first.messages().append(alice, question);
            first.messages().append(alice, answer);
            first.tasks().add(alice, "buy milk", "", at(11));
            first.tasks().add(alice, "call mum", "on Sunday", at(12));
            first.tasks().delete(alice, 2);
            tasks = first.tasks().list(alice, TaskFilter.ALL);
        }

        try (Stores second = backend.open(database.settings())) {
            Conversation reread = second.conversations().find(alice, conversation.id()).orElseThrow();
            assertThat(reread.title()).isEqualTo("Groceries");
            assertThat(reread.metadata()).isEqualTo(Map.of("channel", "web"));
            assertThat(reread.messageCount()).isEqualTo(2);
            assertThat(reread.tokensUsed()).isEqualTo(25);
            assertThat(reread.updatedAt()).isEqualTo(at(11));
            assertSameValue(second.messages().latest(alice, conversation.id(), 10).orElseThrow(), List.of(question, answer));
            assertThat(second.messages().append(alice, Turns.userMessage(conversation, "again", 20, "key-1")))
                    .isInstanceOf(AppendResult.Duplicate.class);
            assertThat(second.tasks().list(alice, TaskFilter.ALL)).isEqualTo(tasks);
            assertThat(second.tasks().add(alice, "next", "", at(13)).id()).isEqualTo(3);
        }
    }
}
