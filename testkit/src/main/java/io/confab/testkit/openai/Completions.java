package io.confab.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSON pieces shared by streamed and whole replies: usage, errors, tokens, the conversation round. */
final class Completions {

    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+\\s*|\\s+");

    private Completions() {
    }

    static ObjectNode usage(ObjectMapper mapper, long promptTokens, long completionTokens) {
        return mapper.createObjectNode()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    static ObjectNode error(ObjectMapper mapper, String type, String code, String message) {
        ObjectNode error = mapper.createObjectNode().put("message", message).put("type", type);
        error.putNull("param");
        error.put("code", code);
        return error;
    }

    /** Splits text into "tokens": words with their following whitespace, as a model streams them. */
    static List<String> tokens(String text) {
        Matcher matcher = TOKEN.matcher(text);
        return matcher.results().map(m -> m.group()).toList();
    }

    /** Splits tool-call arguments into fragments of {@code size} characters, as the API streams them. */
    static List<String> fragments(String arguments, int size) {
        if (arguments.isEmpty()) {
            return List.of();
        }
        return java.util.stream.IntStream.iterate(0, i -> i < arguments.length(), i -> i + size)
                .mapToObj(i -> arguments.substring(i, Math.min(arguments.length(), i + size)))
                .toList();
    }

    /** About four characters per token over the request's messages. */
    static long promptTokens(JsonNode request) {
        long chars = 0;
        for (JsonNode message : request.path("messages")) {
            chars += message.path("content").asText("").length() + 16;
        }
        return (chars + 3) / 4;
    }

    /** The text of the last {@code user} message, empty when there is none. */
    static String lastUserMessage(JsonNode request) {
        ArrayNode messages = request.path("messages") instanceof ArrayNode array ? array : null;
        if (messages == null) {
            return "";
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                return message.path("content").asText("");
            }
        }
        return "";
    }

    /** How many assistant messages follow the last user message: 0 for the first model call of a turn. */
    static int round(JsonNode request) {
        JsonNode messages = request.path("messages");
        int round = 0;
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if ("user".equals(role)) {
                round = 0;
            } else if ("assistant".equals(role)) {
                round++;
            }
        }
        return round;
    }
}
