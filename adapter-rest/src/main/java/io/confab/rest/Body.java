package io.confab.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A JSON object request body with typed field access; a field of the wrong type is a 422. */
record Body(ObjectNode node) {

    Optional<String> string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new ValidationException(field, "must be a string");
        }
        return Optional.of(value.textValue());
    }

    String requiredString(String field) {
        return string(field).orElseThrow(() -> new ValidationException(field, "is required"));
    }

    Optional<Map<String, String>> stringMap(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new ValidationException(field, "must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (var entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new ValidationException(field, "must be an object of strings");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return Optional.of(map);
    }
}
