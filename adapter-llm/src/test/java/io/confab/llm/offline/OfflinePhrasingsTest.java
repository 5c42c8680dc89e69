package io.confab.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.tools.TaskTools;
import io.confab.domain.Cancellation;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.json.JsonValues;
import io.confab.llm.RecordingSink;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The everyday phrasings the offline assistant understands, each with the tool calls of its first
 * round. A task named by title starts with {@code list_tasks} (then acts on the id it finds).
 */
class OfflinePhrasingsTest {

    private final OfflineChatModel model = new OfflineChatModel();

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # adding
            add a task to buy milk                        | add_task{"title":"buy milk"}
            Add buy milk                                  | add_task{"title":"buy milk"}
            create a task called call the dentist         | add_task{"title":"call the dentist"}
            new task: water the plants                    | add_task{"title":"water the plants"}
            remind me to pay the rent                     | add_task{"title":"pay the rent"}
            Please add “book flights” to my list.         | add_task{"title":"book flights"}
            I need to renew my passport                   | add_task{"title":"renew my passport"}
            don't let me forget to call grandma           | add_task{"title":"call grandma"}
            put eggs on my list                           | add_task{"title":"eggs"}
            Can you add a reminder to feed the cat?       | add_task{"title":"feed the cat"}
            jot down fix the bike                         | add_task{"title":"fix the bike"}
            todo: clean the garage                        | add_task{"title":"clean the garage"}
            add a task to call mom and dad                | add_task{"title":"call mom and dad"}
            add milk and eggs                             | add_task{"title":"milk"} + add_task{"title":"eggs"}
            add tasks: milk, eggs and bread               | add_task{"title":"milk"} + add_task{"title":"eggs"} + add_task{"title":"bread"}
            # listing
            show my tasks                                 | list_tasks{"status":"all"}
            list tasks                                    | list_tasks{"status":"all"}
            What's on my list?                            | list_tasks{"status":"all"}
            how many tasks do I have?                     | list_tasks{"status":"all"}
            my todo list                                  | list_tasks{"status":"all"}
            what do I have to do today?                   | list_tasks{"status":"pending"}
            show pending tasks                            | list_tasks{"status":"pending"}
            what's left?                                  | list_tasks{"status":"pending"}
            do I have any open tasks?                     | list_tasks{"status":"pending"}
            which tasks are done?                         | list_tasks{"status":"completed"}
            show me my completed tasks                    | list_tasks{"status":"completed"}
            what have I done so far?                      | list_tasks{"status":"completed"}
            # completing and reopening
            mark task 3 as done                           | complete_task{"task_id":3,"completed":true}
            complete task 2                               | complete_task{"task_id":2,"completed":true}
            finish #4                                     | complete_task{"task_id":4,"completed":true}
            tick off task 1                               | complete_task{"task_id":1,"completed":true}
            I finished task 5                             | complete_task{"task_id":5,"completed":true}
            task 6 is done                                | complete_task{"task_id":6,"completed":true}
            complete tasks 1 and 2                        | complete_task{"task_id":1,"completed":true} + complete_task{"task_id":2,"completed":true}
            mark buy milk as done                         | list_tasks{"status":"all"}
            check off the milk task                       | list_tasks{"status":"all"}
            mark task 2 as not done                       | complete_task{"task_id":2,"completed":false}
            reopen task 7                                 | complete_task{"task_id":7,"completed":false}
            # deleting
            delete task 2                                 | delete_task{"task_id":2}
            get rid of task 8                             | delete_task{"task_id":8}
            cancel tasks 3, 4 and 5                       | delete_task{"task_id":3} + delete_task{"task_id":4} + delete_task{"task_id":5}
            remove buy milk from my list                  | list_tasks{"status":"all"}
            I no longer need to call the bank             | list_tasks{"status":"all"}
            # renaming
            rename task 1 to call mom                     | update_task{"task_id":1,"title":"call mom"}
            change task 3 to buy oat milk                 | update_task{"task_id":3,"title":"buy oat milk"}
            change the title of task 2 to 'pick up kids'  | update_task{"task_id":2,"title":"pick up kids"}
            update task 4 to say book the venue           | update_task{"task_id":4,"title":"book the venue"}
            rename buy milk to buy oat milk               | list_tasks{"status":"all"}
            """)
    void givenAPhrasing_firstRound_callsTheExpectedTools(String phrasing, String expectedCalls) {
        RecordingSink sink = new RecordingSink();

        model.stream(new ModelRequest("", List.of(new ModelMessage.User(phrasing)), TaskTools.definitions()),
                sink, new Cancellation());

        String calls = sink.toolCalls().stream()
                .map(call -> call.tool() + JsonValues.write(call.arguments()))
                .collect(Collectors.joining(" + "));
        assertThat(calls).isEqualTo(expectedCalls);
        assertThat(sink.text()).isEmpty();
    }
}
