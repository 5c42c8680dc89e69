package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.port.TaskFilter;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A whole agent turn: events in order, tool rounds, what is stored, and what the model sees next time. */
class AgentTurnTest extends OneConversationTest {

    @Test
    void aModelThatStreamsNulCharacters_losesNoReply_theyAreLeftOutOfChunksAndTheStoredText() {
        harness.model.then(Reply.text("Hel\0lo", "\0\0", "!"));
        EventRecorder<TurnEvent> events = new EventRecorder<>();

        harness.confab.sendMessage().start(command(alice, conversation.id(), "hi", null), events::accept);
        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);

        assertThat(seen.getLast()).isInstanceOf(TurnEvent.Completed.class);
        assertThat(seen).filteredOn(TurnEvent.Chunk.class::isInstance).map(e -> ((TurnEvent.Chunk) e).content())
                .containsExactly("Hello", "!");
        assertThat(harness.stored(alice, conversation.id()).getLast().content()).isEqualTo("Hello!");
    }

    @Test
    void aTurnWithTwoToolRounds_emitsTheExactEventSequence_andStoresBothMessages() {
        scriptTwoToolRounds();
        EventRecorder<TurnEvent> events = new EventRecorder<>();

        TurnStart start = harness.confab.sendMessage()
                .start(command(alice, conversation.id(), "Add milk and eggs, then show my list", null), events::accept);
        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);

        assertThat(types(seen)).containsExactly("message_created", "agent_thinking",
                "tool_starting", "tool_complete", "tool_starting", "tool_complete",
                "agent_thinking", "tool_starting", "tool_progress", "tool_complete",
                "agent_thinking", "chunk", "chunk", "complete");
        assertThat(seen).extracting(TurnEvent::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        TurnStart.Started started = (TurnStart.Started) start;
        assertThat(seen).allSatisfy(event -> assertThat(event.turnId()).isEqualTo(started.turn()));
        MessageId assistantId = new MessageId(started.turn().value());
        assertThat(seen.get(2)).isEqualTo(new TurnEvent.ToolStarting(started.turn(), conversation.id(), 3,
                harness.clock.instant(), "add_task", "c1", object("title", of("milk")), "Adding a task…"));
        assertThat(((TurnEvent.ToolComplete) seen.get(3)).message()).isEqualTo("Added task 1: milk");
        assertThat(((TurnEvent.ToolStarting) seen.get(7)).message()).isEqualTo("Searching tasks…");
        assertThat(seen.get(8)).isEqualTo(new TurnEvent.ToolProgress(started.turn(), conversation.id(), 9,
                harness.clock.instant(), "list_tasks", "c3", "Found 2 tasks", Optional.of(2L)));
        assertThat(((TurnEvent.ToolComplete) seen.get(9)).message()).isEqualTo("Found 2 tasks");
        assertThat(seen.subList(11, 13)).containsExactly(
                new TurnEvent.Chunk(started.turn(), conversation.id(), 12, harness.clock.instant(), "You have ", assistantId, 0),
                new TurnEvent.Chunk(started.turn(), conversation.id(), 13, harness.clock.instant(), "2 tasks.", assistantId, 1));

        List<Message> stored = harness.stored(alice, conversation.id());
        assertThat(stored).hasSize(2);
        Message question = stored.get(0);
        Message answer = stored.get(1);
        assertThat(question.role()).isEqualTo(Role.USER);
        assertThat(question.content()).isEqualTo("Add milk and eggs, then show my list");
        assertThat(((TurnEvent.MessageCreated) seen.get(0)).message()).isEqualTo(question);
        assertThat(answer.id()).isEqualTo(assistantId);
        assertThat(answer.content()).isEqualTo("You have 2 tasks.");
        assertThat(answer.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(answer.inReplyTo()).contains(question.id());
        assertThat(answer.model()).contains("scripted-model");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(450, 23));
        assertThat(answer.toolCalls()).extracting(ToolCall::id, ToolCall::tool, ToolCall::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("c1", "add_task", ToolCallStatus.OK),
                org.assertj.core.groups.Tuple.tuple("c2", "add_task", ToolCallStatus.OK),
                org.assertj.core.groups.Tuple.tuple("c3", "list_tasks", ToolCallStatus.OK));
        assertThat(answer.toolCalls().get(0).arguments()).isEqualTo(object("title", of("milk")));
        assertThat(answer.toolCalls().get(2).result()).isInstanceOfSatisfying(io.confab.domain.json.JsonValue.Obj.class,
                result -> assertThat(result.get("count")).contains(of(2)));
        assertThat(((TurnEvent.Completed) seen.getLast()).message()).isEqualTo(answer);
        assertThat(((TurnEvent.Completed) seen.getLast()).usage()).isEqualTo(new TokenUsage(450, 23));

        Conversation after = harness.confab.getConversation().get(alice, conversation.id()).orElseThrow();
        assertThat(after.messageCount()).isEqualTo(2);
        assertThat(after.tokensUsed()).isEqualTo(473);
        assertThat(harness.confab.listTasks().list(alice, TaskFilter.ALL)).extracting(t -> t.title())
                .containsExactly("milk", "eggs");
    }

    @Test
    void eachModelCall_seesTheSystemPromptTheToolsAndTheResultsOfEarlierRounds() {
        scriptTwoToolRounds();

        harness.send(alice, conversation.id(), "Add milk and eggs, then show my list");

        List<ModelRequest> requests = harness.model.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).systemPrompt()).isEqualTo(ConfabSettings.DEFAULT_SYSTEM_PROMPT);
        assertThat(requests.get(0).tools()).extracting(t -> t.name())
                .containsExactly("add_task", "list_tasks", "update_task", "complete_task", "delete_task");
        assertThat(requests.get(0).messages()).containsExactly(new ModelMessage.User("Add milk and eggs, then show my list"));
        assertThat(requests.get(2).messages()).extracting(m -> m.getClass().getSimpleName())
                .containsExactly("User", "Assistant", "ToolResult", "ToolResult", "Assistant", "ToolResult");
        assertThat(((ModelMessage.Assistant) requests.get(2).messages().get(1)).toolCalls()).hasSize(2);
    }

    @Test
    void theNextTurn_replaysEarlierToolCallsAsTheApiExpects() {
        scriptTwoToolRounds();
        harness.send(alice, conversation.id(), "Add milk and eggs, then show my list");

        harness.send(alice, conversation.id(), "Thanks!");

        List<ModelMessage> seen = harness.model.requests().get(3).messages();
        assertThat(seen).extracting(m -> m.getClass().getSimpleName()).containsExactly(
                "User", "Assistant", "ToolResult", "ToolResult", "ToolResult", "Assistant", "User");
        assertThat(((ModelMessage.Assistant) seen.get(1)).toolCalls()).extracting(c -> c.id()).containsExactly("c1", "c2", "c3");
        assertThat(seen.get(5)).isEqualTo(new ModelMessage.Assistant("You have 2 tasks.", List.of()));
        assertThat(seen.get(6)).isEqualTo(new ModelMessage.User("Thanks!"));
    }

    @Test
    void aToolCallWithBadArguments_becomesAToolError_andTheTurnGoesOn() {
        harness.model
                .then(Reply.toolCall("c1", "complete_task", object("task_id", of(0), "user_id", of("bob"))))
                .then(Reply.text("Sorry, which task?"));
        EventRecorder<TurnEvent> events = new EventRecorder<>();

        harness.confab.sendMessage().start(command(alice, conversation.id(), "finish it", null), events::accept);
        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);

        assertThat(types(seen)).containsExactly("message_created", "agent_thinking", "tool_starting", "tool_error",
                "agent_thinking", "chunk", "complete");
        assertThat(((TurnEvent.ToolFailed) seen.get(3)).error())
                .contains("task_id: must be an integer ≥ 1").contains("unexpected argument \"user_id\"");
        ModelMessage.ToolResult fedBack = (ModelMessage.ToolResult) harness.model.requests().get(1).messages().get(2);
        assertThat(fedBack.result()).isEqualTo(object("error", of(((TurnEvent.ToolFailed) seen.get(3)).error())));
        Message answer = harness.stored(alice, conversation.id()).get(1);
        assertThat(answer.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(answer.toolCalls()).singleElement().extracting(ToolCall::status).isEqualTo(ToolCallStatus.ERROR);
    }

    @Test
    void anUnknownTool_becomesAToolError_andTheTurnGoesOn() {
        harness.model.then(Reply.toolCall("c1", "launch_rocket", object())).then(Reply.text("I can't do that."));

        TurnOutcome outcome = harness.send(alice, conversation.id(), "launch");

        assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
        assertThat(((TurnOutcome.Completed) outcome).assistantMessage().toolCalls().get(0).result())
                .isEqualTo(object("error", of("Unknown tool \"launch_rocket\"")));
    }

    @Test
    void afterTheMaximumToolRounds_theModelMustAnswerWithoutTools() {
        try (ConfabHarness limited = new ConfabHarness(ConfabSettings.defaults().withMaxToolRounds(2))) {
            UserId user = newUser();
            Conversation chat = limited.newConversation(user);
            for (int i = 0; i < 3; i++) {
                limited.model.then(Reply.toolCall("c" + i, "list_tasks", object()));
            }

            TurnOutcome outcome = limited.send(user, chat.id(), "loop forever");

            assertThat(limited.model.requests()).hasSize(3);
            assertThat(limited.model.requests().get(2).tools()).isEmpty();
            assertThat(((TurnOutcome.Completed) outcome).assistantMessage().toolCalls()).hasSize(2);
        }
    }

    private void scriptTwoToolRounds() {
        harness.model
                .then(Reply.toolCall("c1", "add_task", object("title", of("milk")))
                        .andToolCall("c2", "add_task", object("title", of("eggs")))
                        .usage(100, 10))
                .then(Reply.toolCall("c3", "list_tasks", object()).usage(150, 5))
                .then(Reply.text("You have ", "2 tasks.").usage(200, 8));
    }
}
