package io.confab.rest.chatkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.confab.domain.ErrorCode;
import io.confab.json.JacksonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Reads ChatKit requests and writes ChatKit answers and SSE frames: snake_case, null fields left out. */
final class ChatKitJson {

    private static final ObjectMapper MAPPER = JacksonMappers.create()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private ChatKitJson() {
    }

    /** The request in {@code body}; a 400 naming what is wrong (never a class name) when it is not one. */
    static ChatKitRequest read(byte[] body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ChatKitRequestException.badRequest(ErrorCode.MALFORMED_JSON, "The body is not valid JSON.");
        }
        if (tree == null || !tree.isObject()) {
            throw ChatKitRequestException.badRequest(ErrorCode.INVALID_REQUEST, "The body must be a ChatKit request object.");
        }
        try {
            return MAPPER.treeToValue(tree, ChatKitRequest.class);
        } catch (InvalidTypeIdException e) {
            String type = e.getTypeId();
            throw type == null
                    ? ChatKitRequestException.badRequest(ErrorCode.INVALID_REQUEST, "The body must be a ChatKit request object with a type.")
                    : ChatKitRequestException.badRequest(ErrorCode.UNKNOWN_TYPE,
                            "ChatKit request type '" + type + "' is not supported by this server.");
        } catch (JsonMappingException e) {
            throw ChatKitRequestException.badRequest(ErrorCode.INVALID_REQUEST, where(e) + why(e));
        } catch (JsonProcessingException e) {
            throw ChatKitRequestException.badRequest(ErrorCode.INVALID_REQUEST, "The body is not a ChatKit request.");
        }
    }

    /** {@code params.input.content} for a failure inside the request, empty at its top. */
    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "The request" : path;
    }

    private static String why(JsonMappingException e) {
        Throwable cause = e.getCause();
        return cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                ? ": " + invalid.getMessage() + "."
                : " is missing or has the wrong type.";
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ChatKit answer could not be written", e);
        }
    }

    /** One SSE frame: {@code data: <event>} and a blank line (ChatKit needs no ids). */
    static byte[] frame(Events.Event event) {
        return ("data: " + new String(bytes(event), StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
