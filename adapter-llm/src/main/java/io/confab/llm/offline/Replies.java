package io.confab.llm.offline;

import io.confab.domain.json.JsonValue;
import io.confab.llm.offline.Tools.TaskView;
import io.confab.llm.offline.Turn.Exchange;
import java.util.List;
import java.util.stream.Collectors;

/** What the offline assistant says: results of tool calls put into words, and its fixed answers. */
final class Replies {

    static final String EXAMPLES = "\"add buy milk\", \"what's on my list?\", \"mark buy milk as done\", "
            + "\"delete task 2\" or \"rename task 1 to call mom\"";

    static final String OFFLINE = "I'm Confab's offline assistant, so I only understand simple task requests such as "
            + EXAMPLES + ". To talk about anything else, connect a language model: set "
            + "CONFAB_MODEL_PROVIDER=openai, OPENAI_BASE_URL, OPENAI_API_KEY and CONFAB_MODEL, then restart Confab.";

    static final String HELP = "I can keep your task list. Try " + EXAMPLES
            + ". You can name tasks by number or by title, and add several at once (\"add milk, eggs and bread\").";

    static final String GREETING = "Hello! I'm Confab's offline assistant. I can manage your tasks: try "
            + "\"add buy milk\" or \"what's on my list?\".";

    static final String THANKS = "You're welcome!";

    static final String NO_TOOLS = "I can't manage tasks right now because the task tools are not available.";

    static final String GAVE_UP = "I stopped there: that took more steps than I expected.";

    private Replies() {
    }

    /** One line per call, or a single sentence for a single call. */
    static String outcomes(List<Exchange> exchanges) {
        if (exchanges.size() == 1) {
            return outcome(exchanges.get(0)) + ".";
        }
        boolean allAdded = exchanges.stream().allMatch(e -> e.call().tool().equals(Tools.ADD) && e.succeeded());
        if (allAdded) {
            return "Added " + exchanges.size() + " tasks:\n" + exchanges.stream()
                    .map(e -> Tools.task(e.result(), "task"))
                    .map(task -> "- " + task.id() + ": " + task.title())
                    .collect(Collectors.joining("\n"));
        }
        return exchanges.stream().map(e -> "- " + outcome(e)).collect(Collectors.joining("\n"));
    }

    static String listing(String status, Exchange listing) {
        if (!listing.succeeded()) {
            return "I couldn't look at your tasks: " + listing.error();
        }
        List<TaskView> tasks = Tools.tasks(listing.result());
        String kind = switch (status) {
            case "pending" -> "pending tasks";
            case "completed" -> "completed tasks";
            default -> "tasks";
        };
        if (tasks.isEmpty()) {
            return "You have no " + kind + ".";
        }
        String heading = tasks.size() == 1
                ? "You have 1 " + kind.substring(0, kind.length() - 1) + ":"
                : "You have " + tasks.size() + " " + kind + ":";
        return heading + "\n" + tasks.stream()
                .map(task -> "- [" + (task.completed() ? "x" : " ") + "] " + task.id() + ": " + task.title())
                .collect(Collectors.joining("\n"));
    }

    static String notFound(String text) {
        return "I couldn't find a task matching \"" + text + "\". Say \"show my tasks\" to see them.";
    }

    static String ambiguous(String text, List<TaskView> candidates) {
        return "\"" + text + "\" matches several tasks: " + candidates.stream()
                .map(task -> task.id() + " (" + task.title() + ")")
                .collect(Collectors.joining(", "))
                + ". Which one do you mean? Tell me its number, for example \"task " + candidates.get(0).id() + "\".";
    }

    private static String outcome(Exchange exchange) {
        String tool = exchange.call().tool();
        if (!exchange.succeeded()) {
            return "Could not " + verb(exchange) + ": " + exchange.error();
        }
        JsonValue result = exchange.result();
        return switch (tool) {
            case Tools.ADD -> described("Added task", Tools.task(result, "task"));
            case Tools.COMPLETE -> {
                TaskView task = Tools.task(result, "task");
                yield task.completed() ? "Marked task " + task.id() + " as done: " + task.title()
                        : described("Reopened task", task);
            }
            case Tools.DELETE -> described("Deleted task", Tools.task(result, "deleted"));
            case Tools.UPDATE -> {
                TaskView task = Tools.task(result, "task");
                yield "Renamed task " + task.id() + " to \"" + task.title() + "\"";
            }
            default -> "Done (" + tool + ")";
        };
    }

    private static String described(String action, TaskView task) {
        return action + " " + task.id() + ": " + task.title();
    }

    private static String verb(Exchange exchange) {
        String id = exchange.argument("task_id").map(Replies::text).orElse("");
        return switch (exchange.call().tool()) {
            case Tools.ADD -> "add \"" + exchange.argument("title").map(Replies::text).orElse("") + "\"";
            case Tools.COMPLETE -> (exchange.argument("completed").orElse(JsonValue.of(true)) instanceof JsonValue.Bool b
                    && !b.value() ? "reopen task " : "complete task ") + id;
            case Tools.DELETE -> "delete task " + id;
            case Tools.UPDATE -> "rename task " + id;
            default -> "run " + exchange.call().tool();
        };
    }

    private static String text(JsonValue value) {
        return switch (value) {
            case JsonValue.Str s -> s.value();
            case JsonValue.Num n -> n.value().toPlainString();
            default -> value.toString();
        };
    }
}
