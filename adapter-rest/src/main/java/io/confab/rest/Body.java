package io.confab.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.FieldError;
import io.confab.domain.ValidationException;
import io.confab.domain.json.JsonValue;
import io.confab.json.JsonValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /** A JSON object field, as a domain JSON value; absent or null is empty. */
    Optional<JsonValue.Obj> jsonObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new ValidationException(field, "must be an object");
        }
        return Optional.of((JsonValue.Obj) JsonValues.fromNode(value));
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

    /** The nested object {@code field}, empty when absent or null. */
    Optional<Body> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new ValidationException(field, "must be an object");
        }
        return Optional.of(new Body((ObjectNode) value));
    }

    Body requiredObject(String field) {
        return object(field).orElseThrow(() -> new ValidationException(field, "is required"));
    }

    /** The array of objects {@code field} (empty when absent), each read by {@code read}; errors name {@code field[i].…}. */
    <T> List<T> objects(String field, Function<Body, T> read) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ValidationException(field, "must be an array of objects");
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String at = field + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw new ValidationException(at, "must be an object");
            }
            ObjectNode item = (ObjectNode) value.get(i);
            items.add(within(at, () -> read.apply(new Body(item))));
        }
        return items;
    }

    /** An ISO-8601 instant such as {@code 2026-03-01T10:00:00Z}. */
    Instant requiredInstant(String field) {
        try {
            return Instant.parse(requiredString(field));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 time such as 2026-03-01T10:00:00Z");
        }
    }

    /** A whole number from 0 to {@code max}; {@code 0} when absent. */
    long count(String field, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > max) {
            throw new ValidationException(field, "must be a whole number from 0 to " + max);
        }
        return value.asLong();
    }

    /** The raw JSON value of {@code field}: null when absent. */
    JsonNode value(String field) {
        return node.get(field);
    }

    /** {@code read()}, its validation errors named within {@code prefix} ({@code title} as {@code conversation.title}). */
    static <T> T within(String prefix, Supplier<T> read) {
        try {
            return read.get();
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream()
                    .map(error -> new FieldError(prefix + "." + error.field(), error.message()))
                    .toList());
        }
    }
}
