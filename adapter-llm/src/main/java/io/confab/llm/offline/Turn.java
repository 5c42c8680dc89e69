package io.confab.llm.offline;

import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current turn as the request shows it: the last user message and the tool rounds that
 * followed it, each call paired with its result. The offline model keeps no state of its own.
 */
record Turn(String userText, List<List<Exchange>> rounds) {

    /** One tool call and what it returned (null while no result came back). */
    record Exchange(ToolCallRequest call, JsonValue result) {

        boolean succeeded() {
            return result instanceof JsonValue.Obj obj && obj.get("error").isEmpty();
        }

        /** The error a failed call reported (tool failures come back as {@code {"error": "…"}}). */
        String error() {
            return switch (result) {
                case JsonValue.Obj obj -> obj.string("error").orElse("the tool gave no answer");
                case JsonValue.Str text -> text.value();
                case null -> "the tool gave no answer";
                default -> "the tool gave an unexpected answer";
            };
        }

        /** A member of the call's arguments, empty when absent. */
        Optional<JsonValue> argument(String name) {
            return call.arguments() instanceof JsonValue.Obj obj ? obj.get(name) : Optional.empty();
        }
    }

    Turn {
        rounds = List.copyOf(rounds);
    }

    static Turn of(ModelRequest request) {
        List<ModelMessage> messages = request.messages();
        int start = messages.size() - 1;
        while (start >= 0 && !(messages.get(start) instanceof ModelMessage.User)) {
            start--;
        }
        if (start < 0) {
            return new Turn("", List.of());
        }
        List<List<Exchange>> rounds = new ArrayList<>();
        for (ModelMessage message : messages.subList(start + 1, messages.size())) {
            switch (message) {
                case ModelMessage.Assistant assistant -> rounds.add(new ArrayList<>(
                        assistant.toolCalls().stream().map(call -> new Exchange(call, null)).toList()));
                case ModelMessage.ToolResult result when !rounds.isEmpty() -> attach(rounds.getLast(), result);
                default -> {
                }
            }
        }
        return new Turn(((ModelMessage.User) messages.get(start)).content(), rounds.stream().map(List::copyOf).toList());
    }

    private static void attach(List<Exchange> round, ModelMessage.ToolResult result) {
        for (int i = 0; i < round.size(); i++) {
            if (round.get(i).call().id().equals(result.callId())) {
                round.set(i, new Exchange(round.get(i).call(), result.result()));
            }
        }
    }

    /** The same turn with only the rounds from {@code from} (inclusive) to {@code to} (exclusive). */
    Turn slice(int from, int to) {
        return new Turn(userText, rounds.subList(from, to));
    }

    /** Every exchange of the turn with the given tool, oldest first. */
    List<Exchange> exchanges(String tool) {
        return rounds.stream().flatMap(List::stream).filter(e -> e.call().tool().equals(tool)).toList();
    }

    /** The last list_tasks exchange of the turn, if any. */
    Optional<Exchange> lastListing() {
        List<Exchange> listings = exchanges(Tools.LIST);
        return listings.isEmpty() ? Optional.empty() : Optional.of(listings.getLast());
    }
}
