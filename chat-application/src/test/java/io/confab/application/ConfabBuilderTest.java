package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.memory.InMemoryConversationRepository;
import io.confab.application.memory.InMemoryMessageRepository;
import io.confab.application.memory.InMemoryTaskRepository;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskFilter;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Embedding (SPEC §19): the builder takes any subset of ports, the rest in memory, and a model. */
class ConfabBuilderTest {

    private final UserId alice = newUser();

    @Test
    void withOnlyAModel_everythingElseIsInMemory_andATurnRuns() {
        try (Confab confab = Confab.builder().model(new ScriptedChatModel()).build()) {
            Conversation conversation = confab.createConversation().create(alice, "");

            TurnOutcome outcome = confab.sendMessage().send(new SendMessage(alice, conversation.id(), "hi", Optional.empty()));

            assertThat(outcome).isInstanceOfSatisfying(TurnOutcome.Completed.class, done ->
                    assertThat(done.assistantMessage().content()).isEqualTo("echo: hi"));
        }
    }

    @Test
    void theHostsOwnStores_areTheOnesUsed() {
        InMemoryConversationRepository conversations = new InMemoryConversationRepository();
        InMemoryMessageRepository messages = new InMemoryMessageRepository(conversations);
        InMemoryTaskRepository tasks = new InMemoryTaskRepository();
        ScriptedChatModel model = new ScriptedChatModel();
        model.then(Reply.toolCall("c1", "add_task", JsonValue.object("title", JsonValue.of("buy milk"))))
                .then(Reply.text("Added."));

        Conversation conversation;
        try (Confab confab = Confab.builder().model(model).conversationsAndMessages(conversations, messages).tasks(tasks)
                .build()) {
            conversation = confab.createConversation().create(alice, "groceries");
            confab.sendMessage().send(new SendMessage(alice, conversation.id(), "add milk", Optional.empty()));
        }

        assertThat(messages.latest(alice, conversation.id(), 10)).hasValueSatisfying(stored ->
                assertThat(stored).extracting(Message::content).containsExactly("add milk", "Added."));
        assertThat(tasks.list(alice, TaskFilter.ALL)).extracting(Task::title).containsExactly("buy milk");
    }

    @Test
    void withoutAModel_itSaysWhatIsMissing() {
        assertThatThrownBy(() -> Confab.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChatModel");
    }
}
