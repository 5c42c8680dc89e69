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

    /** A setting a PATCH may clear: absent stays, {@code null} is {@code ""} (back to the default). */
    Optional<String> clearableString(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNull() ? Optional.of("") : string(field);
    }

    /** A whole-number setting a PATCH may clear: absent stays, {@code null} is 0 (back to the default). */
    Optional<Integer> clearableInteger(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(0);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ValidationException(field, "must be a whole number");
        }
        return Optional.of(value.intValue());
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
