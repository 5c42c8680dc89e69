package io.confab.testkit.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one streamed completion as {@code chat.completion.chunk} SSE frames, flushing each. */
final class ChunkStream {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final ObjectMapper mapper;
    private final String id;
    private final long created;
    private final String model;

    ChunkStream(OutputStream out, ObjectMapper mapper, String id, long created, String model) {
        this.out = out;
        this.mapper = mapper;
        this.id = id;
        this.created = created;
        this.model = model;
    }

    void role() throws IOException {
        ObjectNode delta = mapper.createObjectNode().put("role", "assistant").put("content", "");
        write(chunk(delta, null));
    }

    void content(String text) throws IOException {
        write(chunk(mapper.createObjectNode().put("content", text), null));
    }

    void toolCallStart(int index, String callId, String name) throws IOException {
        ObjectNode call = mapper.createObjectNode().put("index", index).put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        write(toolCallChunk(call));
    }

    void toolCallArguments(int index, String fragment) throws IOException {
        ObjectNode call = mapper.createObjectNode().put("index", index);
        call.putObject("function").put("arguments", fragment);
        write(toolCallChunk(call));
    }

    void finish(String reason) throws IOException {
        write(chunk(mapper.createObjectNode(), reason));
    }

    /** The last chunk of a stream with {@code stream_options.include_usage}: no choices, only usage. */
    void usage(long promptTokens, long completionTokens) throws IOException {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", Completions.usage(mapper, promptTokens, completionTokens));
        write(chunk);
    }

    /** An error frame as the API sends when a stream fails after it started. */
    void error(String message) throws IOException {
        ObjectNode frame = mapper.createObjectNode();
        frame.set("error", Completions.error(mapper, "server_error", null, message));
        write(frame);
    }

    void done() throws IOException {
        out.write(DONE);
        out.flush();
    }

    private ObjectNode toolCallChunk(ObjectNode call) {
        ObjectNode delta = mapper.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = header();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private ObjectNode header() {
        return mapper.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model)
                .put("system_fingerprint", "fp_confab_fake");
    }

    private void write(ObjectNode frame) throws IOException {
        out.write(DATA);
        out.write(mapper.writeValueAsBytes(frame));
        out.write(END);
        out.flush();
    }
}
