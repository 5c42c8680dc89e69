package io.confab.testkit;

import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.testkit.ScriptedChatModel.Reply;

/**
 * The model of black-box tests and benchmarks: the shared {@link ScriptedChatModel}, answering what a test did
 * not script by the user's words: "add task X" calls {@code add_task} and then confirms; anything
 * else is echoed word by word.
 */
public final class ScriptedReplies {

    private static final String ADD_TASK = "add task ";

    private ScriptedReplies() {
    }

    public static ScriptedChatModel model() {
        return new ScriptedChatModel("scripted").otherwise(ScriptedReplies::reply);
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
        return Reply.words("Echo: " + (last instanceof ModelMessage.User user ? user.content() : "?")).usage(10, 5);
    }
}
