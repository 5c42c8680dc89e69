package io.confab.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.json.JacksonMappers;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAI-compatible model {@link StartupTraining} talks to on loopback, so that the training
 * takes the path of {@code CONFAB_MODEL_PROVIDER=openai} (openai-java, its Jackson and Kotlin
 * reflection, Apache HttpClient) and the AOT cache holds it: answers every chat completion with "Training",
 * streamed when the request asks for a stream. Served by Javalin on virtual threads, as the server
 * itself is, so it adds no HTTP server classes of its own to the cache.
 */
final class TrainingModel implements AutoCloseable {

    static final String APPLICATION_JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final ObjectMapper JSON = JacksonMappers.create();
    private static final String REPLY = "Training";

    private final Javalin server;

    private TrainingModel(Javalin server) {
        this.server = server;
    }

    static TrainingModel start() {
        Javalin server = Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = "127.0.0.1";
            javalin.jetty.port = 0;
            javalin.routes.post("/v1/chat/completions", TrainingModel::complete);
        });
        server.start();
        return new TrainingModel(server);
    }

    /** The base URL to configure as {@code OPENAI_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    private static void complete(Context ctx) throws IOException {
        JsonNode request = JSON.readTree(ctx.bodyAsBytes());
        if (request.path("stream").asBoolean()) {
            HttpServletResponse response = ctx.res();
            response.setStatus(200);
            response.setContentType(EVENT_STREAM);
            OutputStream out = response.getOutputStream();
            event(out, chunk(JSON.createObjectNode().put("role", "assistant").put("content", REPLY), null));
            event(out, chunk(JSON.createObjectNode(), "stop"));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else {
            ObjectNode completion = head("chat.completion");
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", REPLY);
            ctx.contentType(APPLICATION_JSON).result(JSON.writeValueAsBytes(completion));
        }
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = head("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.set("delta", delta);
        return chunk;
    }

    private static ObjectNode head(String object) {
        return JSON.createObjectNode().put("id", "training").put("object", object).put("created", 1)
                .put("model", "training");
    }

    private static void event(OutputStream out, ObjectNode data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop();
    }
}
