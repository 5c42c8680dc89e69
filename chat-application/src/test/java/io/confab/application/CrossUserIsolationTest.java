package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.CancelTurnUseCase.CancelOutcome;
import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.application.usecase.UpdateConversationUseCase.ConversationChanges;
import io.confab.domain.Conversation;
import io.confab.domain.Task;
import io.confab.domain.ToolCall;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.TaskFilter;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Another user's conversation is not found by any use case, and the tools never reach another user's tasks. */
class CrossUserIsolationTest {

    private final ConfabHarness harness = new ConfabHarness();
    private final UserId alice = newUser();
    private final UserId mallory = newUser();
    private final Conversation alices = harness.newConversation(alice);
    private final Confab confab = harness.confab;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void getConversation_ofAnotherUser_isNotFound() {
        assertThat(confab.getConversation().get(mallory, alices.id())).isEmpty();
    }

    @Test
    void listConversations_neverShowsAnotherUsersConversations() {
        assertThat(confab.listConversations().list(mallory, ConversationQuery.firstPage()).items()).isEmpty();
    }

    @Test
    void updateConversation_ofAnotherUser_isNotFound_andChangesNothing() {
        assertThat(confab.updateConversation().update(mallory, alices.id(), ConversationChanges.rename("mine now"))).isEmpty();
        assertThat(confab.getConversation().get(alice, alices.id())).contains(alices);
    }

    @Test
    void deleteConversation_ofAnotherUser_isNotFound_andKeepsIt() {
        assertThat(confab.deleteConversation().delete(mallory, alices.id())).isFalse();
        assertThat(confab.getConversation().get(alice, alices.id())).isPresent();
    }

    @Test
    void listMessages_ofAnotherUser_isNotFound() {
        harness.send(alice, alices.id(), "secret");

        assertThat(confab.listMessages().list(mallory, alices.id(), Optional.empty(), 50)).isEmpty();
    }

    @Test
    void sendingAndStreamingToAnotherUsersConversation_isNotFound_andStoresNothing() {
        assertThat(harness.send(mallory, alices.id(), "hi")).isInstanceOf(TurnOutcome.NotFound.class);
        assertThat(confab.sendMessage().start(command(mallory, alices.id(), "hi", null), event -> { }))
                .isInstanceOf(TurnStart.NotFound.class);
        assertThat(harness.stored(alice, alices.id())).isEmpty();
        assertThat(harness.model.requests()).isEmpty();
    }

    @Test
    void oneShotChat_intoAnotherUsersConversation_isNotFound() {
        assertThat(confab.oneShotChat().chat(mallory, Optional.of(alices.id()), "hi")).isInstanceOf(TurnOutcome.NotFound.class);
    }

    @Test
    void cancelAndFollow_ofAnotherUsersConversation_areNotFound() {
        harness.send(alice, alices.id(), "hello");

        assertThat(confab.cancelTurn().cancel(mallory, alices.id())).isEqualTo(CancelOutcome.NOT_FOUND);
        assertThat(confab.followTurn().follow(mallory, alices.id(), Optional.empty(), event -> { }))
                .isInstanceOf(FollowOutcome.NotFound.class);
    }

    @Test
    void aRetryKeyOfAnotherUser_doesNotRevealTheirTurn() {
        confab.sendMessage().send(command(alice, alices.id(), "hello", "shared-key"));
        Conversation mallorys = harness.newConversation(mallory);

        TurnOutcome outcome = confab.sendMessage().send(command(mallory, mallorys.id(), "hello", "shared-key"));

        assertThat(outcome).isInstanceOfSatisfying(TurnOutcome.Completed.class,
                completed -> assertThat(completed.userMessage().conversationId()).isEqualTo(mallorys.id()));
    }

    @Test
    void listTasks_showsOnlyTheCallersTasks() {
        harness.ports.tasks().add(alice, "alice's task", "", harness.clock.instant());

        assertThat(confab.listTasks().list(mallory, TaskFilter.ALL)).isEmpty();
    }

    @Test
    void theToolsNeverReachAnotherUsersTasks_evenWhenTheModelNamesThatUser() {
        Task alicesTask = harness.ports.tasks().add(alice, "alice's task", "", harness.clock.instant());
        Conversation mallorys = harness.newConversation(mallory);
        harness.model
                .then(Reply.toolCall("c1", "delete_task", object("task_id", of(alicesTask.id()), "user_id", of(alice.value())))
                        .andToolCall("c2", "delete_task", object("task_id", of(alicesTask.id())))
                        .andToolCall("c3", "list_tasks", object()))
                .then(Reply.text("done"));

        TurnOutcome outcome = harness.send(mallory, mallorys.id(), "delete alice's task 1");

        assertThat(((TurnOutcome.Completed) outcome).assistantMessage().toolCalls()).extracting(ToolCall::result)
                .containsExactly(
                        object("error", of("unexpected argument \"user_id\"")),
                        object("error", of("Task 1 not found")),
                        object("tasks", io.confab.domain.json.JsonValue.array(java.util.List.of()), "count", of(0)));
        assertThat(confab.listTasks().list(alice, TaskFilter.ALL)).containsExactly(alicesTask);
    }
}
