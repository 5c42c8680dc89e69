package io.confab.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Answers one chat completion request with a scripted reply: streamed, whole, or a staged failure. */
final class ReplyWriter {

    private static final int ARGUMENT_FRAGMENT = 7;

    private final ObjectMapper mapper;
    private final FakeOpenAiServer.Options options;
    private final CountDownLatch closing;
    private final AtomicLong sequence = new AtomicLong();

    ReplyWriter(ObjectMapper mapper, FakeOpenAiServer.Options options, CountDownLatch closing) {
        this.mapper = mapper;
        this.options = options;
        this.closing = closing;
    }

    /**
     * Writes the reply; returns normally when it was delivered and throws {@link IOException} when
     * the client went away first.
     */
    void write(HttpExchange exchange, JsonNode request, FakeReply reply) throws IOException, InterruptedException {
        if (reply instanceof FakeReply.HttpError error) {
            writeError(exchange, error);
            return;
        }
        if (reply instanceof FakeReply.Stall stall && stall.partialText() == null) {
            closing.await();
            return;
        }
        if (reply instanceof FakeReply.Dropped) {
            return; // the exchange closes with no response sent, which closes the connection
        }
        pause(options.firstTokenLatency().toNanos());
        String id = "chatcmpl-fake" + sequence.incrementAndGet();
        String model = request.path("model").asText(options.model());
        long created = System.currentTimeMillis() / 1000;
        if (request.path("stream").asBoolean(false)) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                stream(new ChunkStream(body, mapper, id, created, model), request, reply);
            }
        } else {
            writeJson(exchange, 200, whole(id, created, model, request, reply));
        }
    }

    private void stream(ChunkStream out, JsonNode request, FakeReply reply) throws IOException, InterruptedException {
        out.role();
        long completionTokens = 0;
        switch (reply) {
            case FakeReply.Text text -> {
                completionTokens = content(out, text.text());
                out.finish("stop");
            }
            case FakeReply.PacedText paced -> {
                completionTokens = content(out, paced.text(), paced.interval());
                out.finish("stop");
            }
            case FakeReply.ToolCalls calls -> {
                completionTokens = content(out, calls.text()) + toolCalls(out, calls.calls());
                out.finish("tool_calls");
            }
            case FakeReply.MidStreamError error -> {
                content(out, error.partialText());
                out.error(error.message());
                return;
            }
            case FakeReply.Stall stall -> {
                content(out, stall.partialText());
                closing.await();
                return;
            }
            case FakeReply.HttpError error -> throw new IllegalStateException("answered before streaming: " + error);
            case FakeReply.Dropped dropped -> throw new IllegalStateException("dropped before streaming");
        }
        if (request.path("stream_options").path("include_usage").asBoolean(false)) {
            out.usage(Completions.promptTokens(request), completionTokens);
        }
        out.done();
    }

    private long content(ChunkStream out, String text) throws IOException {
        List<String> tokens = Completions.tokens(text);
        for (String token : tokens) {
            pace();
            out.content(token);
        }
        return tokens.size();
    }

    /** Streams the words of {@code text} {@code interval} apart, the first at once. */
    private static long content(ChunkStream out, String text, Duration interval) throws IOException {
        List<String> tokens = Completions.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                pause(interval.toNanos());
            }
            out.content(tokens.get(i));
        }
        return tokens.size();
    }

    private long toolCalls(ChunkStream out, List<FakeToolCall> calls) throws IOException {
        long tokens = 0;
        for (int index = 0; index < calls.size(); index++) {
            FakeToolCall call = calls.get(index);
            pace();
            out.toolCallStart(index, callId(call, index), call.name());
            for (String fragment : Completions.fragments(call.arguments(), ARGUMENT_FRAGMENT)) {
                pace();
                out.toolCallArguments(index, fragment);
                tokens++;
            }
        }
        return tokens;
    }

    private ObjectNode whole(String id, long created, String model, JsonNode request, FakeReply reply) {
        ObjectNode response = mapper.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", model);
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        long completionTokens;
        if (reply instanceof FakeReply.ToolCalls calls) {
            message.put("content", calls.text().isEmpty() ? null : calls.text());
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (int index = 0; index < calls.calls().size(); index++) {
                FakeToolCall call = calls.calls().get(index);
                ObjectNode node = toolCalls.addObject().put("id", callId(call, index)).put("type", "function");
                node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
            choice.put("finish_reason", "tool_calls");
            completionTokens = Completions.tokens(calls.text()).size() + calls.calls().size();
        } else {
            String text = switch (reply) {
                case FakeReply.Text t -> t.text();
                case FakeReply.PacedText paced -> paced.text();
                default -> "";
            };
            message.put("content", text);
            choice.put("finish_reason", "stop");
            completionTokens = Completions.tokens(text).size();
        }
        message.putNull("refusal");
        choice.putNull("logprobs");
        response.set("usage", Completions.usage(mapper, Completions.promptTokens(request), completionTokens));
        return response;
    }

    private void writeError(HttpExchange exchange, FakeReply.HttpError error) throws IOException {
        Duration retryAfter = error.retryAfter();
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            exchange.getResponseHeaders().set("retry-after-ms", Long.toString(retryAfter.toMillis()));
        }
        ObjectNode body = mapper.createObjectNode();
        body.set("error", Completions.error(mapper, error.type(), error.code(), error.message()));
        writeJson(exchange, error.status(), body);
    }

    void writeJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String callId(FakeToolCall call, int index) {
        return call.id() != null ? call.id() : "call_fake" + sequence.incrementAndGet() + "_" + index;
    }

    private void pace() {
        double perSecond = options.tokensPerSecond();
        if (perSecond > 0) {
            pause((long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
        }
    }

    private static void pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
