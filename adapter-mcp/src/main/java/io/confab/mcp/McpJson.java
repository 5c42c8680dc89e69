package io.confab.mcp;

import io.confab.domain.json.JsonValue;
import io.confab.json.JsonValues;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Crosses between the SDK's JSON (Jackson 3 maps and lists) and the core's {@link JsonValue}, by way
 * of JSON text so neither side's tree types leak into the other.
 */
final class McpJson {

    static final McpJsonMapper MAPPER = McpJsonDefaults.getMapper();

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
    };

    private McpJson() {
    }

    /** Any value the SDK decoded (map, list, string, number, boolean, null) as a {@link JsonValue}. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.Null.INSTANCE;
        }
        try {
            return JsonValues.parse(MAPPER.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException("an MCP value could not be written as JSON", e);
        }
    }

    /** A JSON object as the map the SDK expects for arguments, schemas and structured content. */
    static Map<String, Object> toMap(JsonValue.Obj value) {
        try {
            return MAPPER.readValue(JsonValues.write(value), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON object could not be read back", e);
        }
    }
}
