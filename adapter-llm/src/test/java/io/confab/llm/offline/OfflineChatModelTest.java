package io.confab.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.tools.TaskTools;
import io.confab.domain.Cancellation;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.json.JsonValues;
import io.confab.llm.RecordingSink;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Whole turns of the offline assistant, with the agent loop's part played by {@link OfflineTurnDriver}. */
class OfflineChatModelTest {

    private final AtomicInteger ids = new AtomicInteger();
    private final OfflineChatModel model = new OfflineChatModel(() -> "call_" + ids.incrementAndGet());
    private final TaskToolsFake tools = new TaskToolsFake()
            .with("buy milk", false)
            .with("call mom", false)
            .with("buy milk powder", true);
    private final OfflineTurnDriver driver = new OfflineTurnDriver(model, tools);

    @Test
    void givenTaskNamedByTitle_markAsDone_listsThenCompletesTheMatchingTask() {
        var turn = driver.turn("mark buy milk as done");

        assertThat(calls(turn.calls())).containsExactly(
                "list_tasks{\"status\":\"all\"}", "complete_task{\"task_id\":1,\"completed\":true}");
        assertThat(turn.answer()).isEqualTo("Marked task 1 as done: buy milk.");
        assertThat(tools.titles()).contains("1 [x] buy milk");
    }

    @Test
    void givenTaskNamedByTitle_remove_deletesIt() {
        var turn = driver.turn("remove call mom from my list");

        assertThat(calls(turn.calls())).containsExactly("list_tasks{\"status\":\"all\"}", "delete_task{\"task_id\":2}");
        assertThat(turn.answer()).isEqualTo("Deleted task 2: call mom.");
        assertThat(tools.titles()).hasSize(2);
    }

    @Test
    void givenTaskNamedByTitle_rename_updatesItsTitle() {
        var turn = driver.turn("rename call mom to call grandma");

        assertThat(calls(turn.calls())).containsExactly("list_tasks{\"status\":\"all\"}",
                "update_task{\"task_id\":2,\"title\":\"call grandma\"}");
        assertThat(turn.answer()).isEqualTo("Renamed task 2 to \"call grandma\".");
    }

    @Test
    void givenTwoTitlesThatMatchNoTaskTogether_delete_deletesEachOne() {
        var turn = driver.turn("delete call mom and buy milk powder");

        assertThat(calls(turn.calls())).containsExactly("list_tasks{\"status\":\"all\"}",
                "delete_task{\"task_id\":2}", "delete_task{\"task_id\":3}");
        assertThat(turn.answer()).isEqualTo("- Deleted task 2: call mom\n- Deleted task 3: buy milk powder");
    }

    @Test
    void givenNoMatchingTask_markAsDone_saysSoWithoutActing() {
        var turn = driver.turn("mark buy bread as done");

        assertThat(calls(turn.calls())).containsExactly("list_tasks{\"status\":\"all\"}");
        assertThat(turn.answer()).isEqualTo(
                "I couldn't find a task matching \"buy bread\". Say \"show my tasks\" to see them.");
    }

    @Test
    void givenSeveralMatchingTasks_delete_asksWhichOne() {
        var turn = driver.turn("delete milk");

        assertThat(calls(turn.calls())).containsExactly("list_tasks{\"status\":\"all\"}");
        assertThat(turn.answer()).startsWith("\"milk\" matches several tasks: 1 (buy milk), 3 (buy milk powder).");
    }

    @Test
    void givenSeveralMatchingTasks_complete_prefersTheOpenOne() {
        var turn = driver.turn("I've done the milk");

        assertThat(calls(turn.calls())).containsExactly(
                "list_tasks{\"status\":\"all\"}", "complete_task{\"task_id\":1,\"completed\":true}");
    }

    @Test
    void givenSeveralTitles_add_addsEachAndListsThem() {
        var turn = driver.turn("add eggs, bread and butter");

        assertThat(turn.calls()).extracting(ToolCallRequest::id).doesNotHaveDuplicates();
        assertThat(turn.answer()).isEqualTo("Added 3 tasks:\n- 4: eggs\n- 5: bread\n- 6: butter");
    }

    @Test
    void givenAnEnumeration_add_addsEachTitleExactly() {
        var turn = driver.turn("add three tasks: eggs, bread and butter");

        assertThat(turn.answer()).isEqualTo("Added 3 tasks:\n- 4: eggs\n- 5: bread\n- 6: butter");
    }

    @Test
    void givenTwoRequests_addThenList_listsInALaterRoundAndAnswersOnce() {
        var turn = driver.turn("add buy bread and then show my list");

        assertThat(calls(turn.calls())).containsExactly("add_task{\"title\":\"buy bread\"}", "list_tasks{\"status\":\"all\"}");
        assertThat(turn.answer()).as("the listing already shows the added task").isEqualTo("""
                Added task 4: buy bread.
                You have 4 tasks:
                - [ ] 1: buy milk
                - [ ] 2: call mom
                - [x] 3: buy milk powder
                - [ ] 4: buy bread""");
    }

    @Test
    void givenTwoRequests_theFirstByAnInflectedTitle_carriesOutBothInOrder() {
        var turn = driver.turn("I finished calling mom, then delete task 1");

        assertThat(calls(turn.calls())).containsExactly("list_tasks{\"status\":\"all\"}",
                "complete_task{\"task_id\":2,\"completed\":true}", "delete_task{\"task_id\":1}");
        assertThat(turn.answer()).isEqualTo("Marked task 2 as done: call mom.\nDeleted task 1: buy milk.");
    }

    @Test
    void givenTwoRequests_theFirstFails_stillCarriesOutTheSecond() {
        var turn = driver.turn("complete task 9 and then show what's left");

        assertThat(turn.answer()).isEqualTo("""
                Could not complete task 9: Task 9 not found.
                You have 2 pending tasks:
                - [ ] 1: buy milk
                - [ ] 2: call mom""");
    }

    @Test
    void givenOneTitle_add_confirmsWithTheNewNumber() {
        assertThat(driver.turn("remind me to water the plants").answer()).isEqualTo("Added task 4: water the plants.");
    }

    @Test
    void list_showsEachTaskWithItsNumberAndState() {
        assertThat(driver.turn("what's on my list?").answer()).isEqualTo("""
                You have 3 tasks:
                - [ ] 1: buy milk
                - [ ] 2: call mom
                - [x] 3: buy milk powder""");
        assertThat(driver.turn("what's left?").answer()).isEqualTo("""
                You have 2 pending tasks:
                - [ ] 1: buy milk
                - [ ] 2: call mom""");
        assertThat(new OfflineTurnDriver(model, new TaskToolsFake()).turn("show my tasks").answer())
                .isEqualTo("You have no tasks.");
    }

    @Test
    void givenTheToolFails_complete_reportsTheToolsError() {
        assertThat(driver.turn("complete task 9").answer()).isEqualTo("Could not complete task 9: Task 9 not found.");
    }

    @Test
    void givenAnUnknownRequest_reply_saysItIsOfflineAndHowToConnectAModel() {
        var turn = driver.turn("What is the capital of France?");

        assertThat(turn.calls()).isEmpty();
        assertThat(turn.answer()).startsWith("I'm Confab's offline assistant")
                .contains("CONFAB_MODEL_PROVIDER=openai", "OPENAI_BASE_URL", "OPENAI_API_KEY", "CONFAB_MODEL");
    }

    @Test
    void reply_streamsWordByWordThenUsageAndFinish() {
        RecordingSink sink = driver.turn("hello").lastCall();

        assertThat(sink.deltas()).hasSizeGreaterThan(10).allSatisfy(delta -> assertThat(delta.strip()).doesNotContain(" "));
        assertThat(sink.text()).isEqualTo(Replies.GREETING);
        assertThat(sink.kinds()).endsWith("TextDelta", "UsageReported", "Finished");
        assertThat(sink.finishes()).containsExactly(FinishReason.STOP);
        assertThat(sink.usages().get(0).completionTokens()).isEqualTo((Replies.GREETING.length() + 3) / 4);
    }

    @Test
    void toolRound_endsWithUsageAndToolCallsFinish() {
        RecordingSink sink = new RecordingSink();

        model.stream(request("add milk and eggs"), sink, new Cancellation());

        assertThat(sink.kinds()).containsExactly("ToolCallRequested", "ToolCallRequested", "UsageReported", "Finished");
        assertThat(sink.finishes()).containsExactly(FinishReason.TOOL_CALLS);
        assertThat(sink.usages().get(0).promptTokens()).isPositive();
    }

    @Test
    void sameRequest_twice_givesTheSameReply() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();

        model.stream(request("show my tasks"), first, new Cancellation());
        model.stream(request("show my tasks"), second, new Cancellation());

        assertThat(calls(second.toolCalls())).isEqualTo(calls(first.toolCalls()));
        assertThat(second.toolCalls().get(0).id()).isNotEqualTo(first.toolCalls().get(0).id());
    }

    @Test
    void givenNoTaskTools_taskRequest_isAnsweredWithoutCallingTools() {
        RecordingSink sink = new RecordingSink();

        model.stream(new ModelRequest("", List.of(new ModelMessage.User("add milk")), List.of()), sink, new Cancellation());

        assertThat(sink.toolCalls()).isEmpty();
        assertThat(sink.text()).isEqualTo(Replies.NO_TOOLS);
    }

    @Test
    void givenNoTaskTools_twoTaskRequests_sayItOnce() {
        RecordingSink sink = new RecordingSink();

        model.stream(new ModelRequest("", List.of(new ModelMessage.User("add milk, then show my list")), List.of()), sink,
                new Cancellation());

        assertThat(sink.toolCalls()).isEmpty();
        assertThat(sink.text()).isEqualTo(Replies.NO_TOOLS);
    }

    @Test
    void givenAVeryLongMessage_itIsReadAsOneRequest() {
        var turn = driver.turn("add " + "bread and then show my list, ".repeat(40));

        assertThat(turn.calls()).as("no request after the first is carried out")
                .extracting(ToolCallRequest::tool).containsOnly("add_task");
    }

    @Test
    void givenCancelWhileAnswering_reply_stopsWithoutFinishing() {
        Cancellation cancellation = new Cancellation();
        RecordingSink sink = new RecordingSink();

        model.stream(request("what can you do?"), event -> {
            sink.accept(event);
            if (event instanceof ModelEvent.TextDelta) {
                cancellation.cancel();
            }
        }, cancellation);

        assertThat(sink.deltas()).hasSize(1);
        assertThat(sink.finishes()).isEmpty();
    }

    @Test
    void title_isTheFirstWordsOfTheRequest() {
        assertThat(model.title("please add a task to buy milk and eggs for the weekend", "Added task 1"))
                .contains("add a task to buy milk");
        assertThat(model.title("   ", "")).isEmpty();
    }

    @Test
    void name_isOffline() {
        assertThat(model.name()).isEqualTo("offline");
    }

    private static ModelRequest request(String text) {
        return new ModelRequest("", List.of(new ModelMessage.User(text)), TaskTools.definitions());
    }

    private static List<String> calls(List<ToolCallRequest> calls) {
        return calls.stream().map(call -> call.tool() + JsonValues.write(call.arguments())).toList();
    }
}
