package io.confab.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.confab.json.JacksonMappers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAI-compatible model {@link StartupTraining} talks to on loopback, so that the training
 * takes the path of {@code CONFAB_MODEL_PROVIDER=openai} (openai-java, its Jackson and Kotlin
 * reflection, Apache HttpClient) and the AOT cache holds it: answers every chat completion with "Training",
 * streamed when the request asks for a stream.
 */
final class TrainingModel implements AutoCloseable {

    private static final ObjectMapper JSON = JacksonMappers.create();
    private static final String REPLY = "Training";

    private final HttpServer server;

    private TrainingModel(HttpServer server) {
        this.server = server;
    }

    static TrainingModel start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TrainingModel model = new TrainingModel(server);
        server.createContext("/v1/chat/completions", model::complete);
        server.start();
        return model;
    }

    /** The base URL to configure as {@code OPENAI_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (request.path("stream").asBoolean()) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                event(out, chunk(JSON.createObjectNode().put("role", "assistant").put("content", REPLY), null));
                event(out, chunk(JSON.createObjectNode(), "stop"));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } else {
                ObjectNode completion = head("chat.completion");
                ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", REPLY);
                byte[] body = JSON.writeValueAsBytes(completion);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
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
        server.stop(0);
    }
}
