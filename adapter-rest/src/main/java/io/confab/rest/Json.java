package io.confab.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.ErrorCode;
import io.confab.json.JacksonMappers;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Reading request bodies (415, 413, 400) and writing JSON answers. */
final class Json {

    static final String APPLICATION_JSON = "application/json";
    private static final ObjectMapper MAPPER = JacksonMappers.create();
    /** Reads one JSON value and nothing after it: {@code {"a":1} junk} is malformed, not {@code {"a":1}}. */
    private static final ObjectReader BODY_READER = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Plain values (strings, numbers, booleans, lists, maps) as a JSON tree. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON answer could not be written", e);
        }
    }

    /**
     * A generator writing straight to {@code out}, for answers too big to build in memory first. Close
     * it only when the document is done: it never closes or flushes {@code out} itself, nor ends a
     * document left unfinished, so a failure part way is never sent as a whole document.
     */
    static JsonGenerator generator(OutputStream out) {
        try {
            return MAPPER.createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void answer(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(APPLICATION_JSON).result(bytes(body));
    }

    /** The JSON object body; an empty body is {@code {}}. */
    static Body body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return new Body(object());
        }
        if (!isJson(ctx.contentType())) {
            throw Problem.of(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the body as application/json.").toException();
        }
        JsonNode node;
        try {
            node = BODY_READER.readTree(bytes);
        } catch (IOException e) {
            throw Problem.badRequest(ErrorCode.MALFORMED_JSON, "The body is not valid JSON.").toException();
        }
        if (node == null || !node.isObject()) {
            throw Problem.badRequest(ErrorCode.MALFORMED_JSON, "The body must be a JSON object.").toException();
        }
        return new Body((ObjectNode) node);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(APPLICATION_JSON) || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
