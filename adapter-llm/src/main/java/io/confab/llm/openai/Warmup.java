package io.confab.llm.openai;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pays openai-java's one-time Jackson/Kotlin-reflection start-up (seconds on a busy machine) in the
 * background when the first model is built, instead of inside the first user's turn.
 */
final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String COMPLETION = """
            {"id":"w","object":"chat.completion","created":1,"model":"w","choices":[{"index":0,
            "message":{"role":"assistant","content":"w"},"finish_reason":"stop"}]}""";

    private Warmup() {
    }

    static void startOnce(RequestMapper requests) {
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofVirtual().name("openai-warmup").start(() -> run(requests));
        }
    }

    private static void run(RequestMapper requests) {
        try {
            JsonMapper mapper = ObjectMappers.jsonMapper();
            ModelRequest sample = new ModelRequest("w", List.of(
                    new ModelMessage.User("w"),
                    new ModelMessage.Assistant("", List.of(new ToolCallRequest("c", "n", JsonValue.Obj.empty()))),
                    new ModelMessage.ToolResult("c", "n", JsonValue.Obj.empty())), List.of());
            mapper.writeValueAsBytes(requests.streaming(sample)._body());
            mapper.readValue(COMPLETION, ChatCompletion.class).choices();
        } catch (Exception | LinkageError e) {
            // only a head start: the first real call does the same work if this failed
        }
    }
}
