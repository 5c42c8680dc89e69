package io.confab.persistence;

import io.confab.domain.json.JsonValue;
import io.confab.json.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The text stored in the JSON columns: conversation metadata as JSON objects of strings, message metadata as any object. */
final class JsonColumns {

    /** Most messages and conversations carry no metadata: their column is this, written and read without Jackson. */
    private static final String EMPTY_OBJECT = "{}";

    private JsonColumns() {
    }

    /** Keys sorted, so equal maps give equal text. */
    static String writeMetadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return EMPTY_OBJECT;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        new TreeMap<>(metadata).forEach((key, value) -> members.put(key, JsonValue.of(value)));
        return JsonValues.write(new JsonValue.Obj(members));
    }

    static String writeObject(JsonValue.Obj object) {
        return object.members().isEmpty() ? EMPTY_OBJECT : JsonValues.write(object);
    }

    static JsonValue.Obj readObject(String json) {
        return !EMPTY_OBJECT.equals(json) && JsonValues.parse(json) instanceof JsonValue.Obj object
                ? object : JsonValue.Obj.empty();
    }

    static Map<String, String> readMetadata(String json) {
        if (EMPTY_OBJECT.equals(json) || !(JsonValues.parse(json) instanceof JsonValue.Obj object)) {
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        object.members().forEach((key, value) ->
                metadata.put(key, value instanceof JsonValue.Str text ? text.value() : JsonValues.write(value)));
        return metadata;
    }
}
