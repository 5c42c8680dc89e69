package io.confab.testkit;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The model of black-box tests and benchmarks: the shared {@link ScriptedChatModel}, answering what a test did
 * not script by the user's words: "add task X" calls {@code add_task} and "list tasks" {@code list_tasks},
 * each then confirmed; anything else is echoed word by word. Asked for reply metadata, it classifies a message about a pipe as
 * {@link #PLUMBING}, answers one with "dubious" with metadata the schema rejects, and gives the
 * profile's fallback for anything else.
 */
public final class ScriptedReplies {

    private static final String ADD_TASK = "add task ";
    private static final String LIST_TASKS = "list tasks";
    public static final JsonValue.Obj PLUMBING = JsonValue.object("service_type", JsonValue.of("plumbing"),
            "urgency", JsonValue.of("emergency"), "confidence", new JsonValue.Num(new BigDecimal("0.9")),
            "next_steps", JsonValue.array(List.of(JsonValue.of("Turn off the water supply."))));

    private ScriptedReplies() {
    }

    public static ScriptedChatModel model() {
        return new ScriptedChatModel("scripted").otherwise(ScriptedReplies::reply).describing(ScriptedReplies::metadata);
    }

    private static Optional<JsonValue> metadata(MetadataRequest request) {
        if (request.userMessage().contains("pipe")) {
            return Optional.of(PLUMBING);
        }
        if (request.userMessage().contains("dubious")) {
            return Optional.of(JsonValue.object("urgency", JsonValue.of("whenever")));
        }
        return Optional.of(request.profile().fallback());
    }

    private static Reply reply(ModelRequest request) {
        ModelMessage last = request.messages().getLast();
        if (last instanceof ModelMessage.ToolResult result) {
            return Reply.words("Done: " + result.tool() + ".").usage(10, 5);
        }
        if (last instanceof ModelMessage.User user && user.content().startsWith(ADD_TASK)) {
            return Reply.toolCall("call-1", "add_task",
                    JsonValue.object("title", JsonValue.of(user.content().substring(ADD_TASK.length()))));
        }
        if (last instanceof ModelMessage.User user && user.content().equals(LIST_TASKS)) {
            return Reply.toolCall("call-1", "list_tasks", JsonValue.object());
        }
        return Reply.words("Echo: " + (last instanceof ModelMessage.User user ? user.content() : "?")).usage(10, 5);
    }
}
