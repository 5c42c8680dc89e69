package io.confab.application.tools;

import io.confab.domain.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the small JSON Schemas of tool arguments (objects of strings, integers, booleans and
 * enums, with {@code additionalProperties: false}). Validation is {@link SchemaValidator}.
 */
public final class JsonSchema {

    private final Map<String, JsonValue> properties = new LinkedHashMap<>();
    private final List<String> required;

    private JsonSchema(List<String> required) {
        this.required = List.copyOf(required);
    }

    /** An object schema whose {@code required} properties are named here. */
    public static JsonSchema object(String... required) {
        return new JsonSchema(List.of(required));
    }

    public JsonSchema string(String name, String description, int minLength, int maxLength) {
        return property(name, JsonValue.object("type", JsonValue.of("string"), "description", JsonValue.of(description),
                "minLength", JsonValue.of(minLength), "maxLength", JsonValue.of(maxLength)));
    }

    public JsonSchema integer(String name, String description, long minimum) {
        return property(name, JsonValue.object("type", JsonValue.of("integer"), "description", JsonValue.of(description),
                "minimum", JsonValue.of(minimum)));
    }

    public JsonSchema bool(String name, String description) {
        return property(name, JsonValue.object("type", JsonValue.of("boolean"), "description", JsonValue.of(description)));
    }

    public JsonSchema enumeration(String name, String description, List<String> values) {
        return property(name, JsonValue.object("type", JsonValue.of("string"), "description", JsonValue.of(description),
                "enum", JsonValue.array(values.stream().map(JsonValue::of).toList())));
    }

    public JsonValue.Obj build() {
        return JsonValue.object(
                "type", JsonValue.of("object"),
                "properties", new JsonValue.Obj(properties),
                "required", JsonValue.array(required.stream().map(JsonValue::of).toList()),
                "additionalProperties", JsonValue.of(false));
    }

    private JsonSchema property(String name, JsonValue schema) {
        properties.put(name, schema);
        return this;
    }
}
