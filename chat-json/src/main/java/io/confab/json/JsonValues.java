package io.confab.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the core's {@link JsonValue} trees to and from Jackson trees and JSON text. */
public final class JsonValues {

    private static final ObjectMapper MAPPER = JacksonMappers.create();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} when it is not valid JSON. */
    public static JsonValue parse(String text) {
        try {
            return fromNode(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses text the model produced as tool arguments; text that is not JSON stays a string. */
    public static JsonValue parseLenient(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.Obj.empty();
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return new JsonValue.Str(text);
        }
    }

    public static String write(JsonValue value) {
        try {
            return MAPPER.writeValueAsString(toNode(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static JsonNode toNode(JsonValue value) {
        return switch (value) {
            case JsonValue.Obj obj -> {
                ObjectNode node = NODES.objectNode();
                obj.members().forEach((name, member) -> node.set(name, toNode(member)));
                yield node;
            }
            case JsonValue.Arr arr -> {
                ArrayNode node = NODES.arrayNode(arr.elements().size());
                arr.elements().forEach(element -> node.add(toNode(element)));
                yield node;
            }
            case JsonValue.Str str -> NODES.textNode(str.value());
            case JsonValue.Num num -> NODES.numberNode(num.value());
            case JsonValue.Bool bool -> NODES.booleanNode(bool.value());
            case JsonValue.Null ignored -> NODES.nullNode();
        };
    }

    public static JsonValue fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.Null.INSTANCE;
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            node.properties().forEach(entry -> members.put(entry.getKey(), fromNode(entry.getValue())));
            return new JsonValue.Obj(members);
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            node.forEach(element -> elements.add(fromNode(element)));
            return new JsonValue.Arr(elements);
        }
        if (node.isNumber()) {
            return new JsonValue.Num(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new JsonValue.Bool(node.booleanValue());
        }
        return new JsonValue.Str(node.asText());
    }
}
