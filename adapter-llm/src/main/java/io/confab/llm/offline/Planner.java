package io.confab.llm.offline;

import io.confab.domain.json.JsonValue;
import io.confab.llm.offline.Turn.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides the offline assistant's next step from the intents and the turn so far: the tool calls
 * of the next round, or the words of the answer. A task named by title takes two rounds:
 * list_tasks to find it, then the action on its id. Several intents ("add milk, then show my
 * list") are carried out one after the other, and their answers joined into one reply.
 */
final class Planner {

    /** What the assistant does next. */
    sealed interface Step {
        /** Calls tools (all in one round). */
        record Calls(List<Call> calls) implements Step {
            public Calls {
                calls = List.copyOf(calls);
            }
        }

        /** Answers with text and ends the turn. */
        record Say(String text) implements Step {
        }
    }

    /** One tool call to make. */
    record Call(String tool, JsonValue.Obj arguments) {
    }

    /** Rounds one intent may take, and a whole turn (the agent loop's default limit). */
    private static final int MAX_ROUNDS = 4;
    private static final int MAX_TURN_ROUNDS = 8;

    /**
     * The next step of a turn of several intents. Being stateless, it replays the plan: each
     * intent in turn is given the rounds that follow the previous intent's, one more at a time,
     * until it answers (it is done) or asks for a round the turn does not have yet (the next step).
     * The answers are joined, each once (two requests without the task tools say so once).
     */
    Step next(List<Intent> intents, Turn turn, Set<String> availableTools) {
        if (turn.rounds().size() >= MAX_TURN_ROUNDS) {
            return new Step.Say(Replies.GAVE_UP);
        }
        List<String> answers = new ArrayList<>();
        int from = 0;
        for (Intent intent : intents) {
            int to = from;
            Step step = next(intent, turn.slice(from, to), availableTools);
            while (step instanceof Step.Calls) {
                if (to == turn.rounds().size()) {
                    return step;
                }
                to++;
                step = next(intent, turn.slice(from, to), availableTools);
            }
            answers.add(((Step.Say) step).text());
            from = to;
        }
        return new Step.Say(String.join("\n", answers.stream().distinct().toList()));
    }

    private Step next(Intent intent, Turn turn, Set<String> availableTools) {
        if (turn.rounds().size() >= MAX_ROUNDS) {
            return new Step.Say(Replies.GAVE_UP);
        }
        Step step = switch (intent) {
            case Intent.AddTasks add -> turn.rounds().isEmpty()
                    ? new Step.Calls(add.titles().stream()
                            .map(title -> new Call(Tools.ADD, JsonValue.object("title", JsonValue.of(title)))).toList())
                    : new Step.Say(Replies.outcomes(turn.exchanges(Tools.ADD)));
            case Intent.ListTasks list -> turn.lastListing()
                    .<Step>map(listing -> new Step.Say(Replies.listing(list.status(), listing)))
                    .orElseGet(() -> new Step.Calls(List.of(listAll(list.status()))));
            case Intent.SetCompleted set -> act(turn, set.refs(), Tools.COMPLETE, set.completed(),
                    id -> JsonValue.object("task_id", JsonValue.of(id), "completed", JsonValue.of(set.completed())));
            case Intent.DeleteTasks delete -> act(turn, delete.refs(), Tools.DELETE, null,
                    id -> JsonValue.object("task_id", JsonValue.of(id)));
            case Intent.Rename rename -> act(turn, List.of(rename.ref()), Tools.UPDATE, null,
                    id -> JsonValue.object("task_id", JsonValue.of(id), "title", JsonValue.of(rename.title())));
            case Intent.Help ignored -> new Step.Say(Replies.HELP);
            case Intent.Greeting ignored -> new Step.Say(Replies.GREETING);
            case Intent.Thanks ignored -> new Step.Say(Replies.THANKS);
            case Intent.Unknown ignored -> new Step.Say(Replies.OFFLINE);
        };
        if (step instanceof Step.Calls calls
                && !calls.calls().stream().allMatch(call -> availableTools.contains(call.tool()))) {
            return new Step.Say(Replies.NO_TOOLS);
        }
        return step;
    }

    /**
     * An action on tasks named by number (one round) or by title (list first, then act). When the
     * action sets a state ({@code targetCompleted}), tasks not yet in it win ties between matches.
     */
    private static Step act(Turn turn, List<TaskRef> refs, String tool, Boolean targetCompleted,
                            Function<Long, JsonValue.Obj> arguments) {
        List<Exchange> done = turn.exchanges(tool);
        if (!done.isEmpty()) {
            return new Step.Say(Replies.outcomes(done));
        }
        boolean byNumber = refs.stream().allMatch(TaskRef.ById.class::isInstance);
        Optional<Exchange> listing = turn.lastListing();
        if (byNumber || listing.isPresent()) {
            if (listing.isPresent() && !listing.get().succeeded()) {
                return new Step.Say("I couldn't look at your tasks: " + listing.get().error());
            }
            var tasks = listing.map(l -> Tools.tasks(l.result())).orElse(List.of());
            return switch (TaskMatcher.match(refs, tasks, targetCompleted == null ? null : !targetCompleted)) {
                case TaskMatcher.Match.Found found -> new Step.Calls(found.ids().stream()
                        .map(id -> new Call(tool, arguments.apply(id))).toList());
                case TaskMatcher.Match.Problem problem -> new Step.Say(problem.message());
            };
        }
        return new Step.Calls(List.of(listAll("all")));
    }

    private static Call listAll(String status) {
        return new Call(Tools.LIST, JsonValue.object("status", JsonValue.of(status)));
    }
}
