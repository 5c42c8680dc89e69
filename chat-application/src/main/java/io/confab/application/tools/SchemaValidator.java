package io.confab.application.tools;

import io.confab.domain.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks tool arguments against the subset of JSON Schema that {@link JsonSchema} writes:
 * object, properties, required, additionalProperties false, and per property type (string,
 * integer, boolean), minLength/maxLength, minimum and enum. Errors are short sentences a model can
 * act on ({@code task_id: must be an integer ≥ 1}).
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    /** The violations, empty when {@code arguments} fits {@code schema}. */
    public static List<String> validate(JsonValue.Obj schema, JsonValue arguments) {
        if (!(arguments instanceof JsonValue.Obj object)) {
            return List.of("arguments must be a JSON object");
        }
        Map<String, JsonValue> properties = schema.get("properties")
                .filter(JsonValue.Obj.class::isInstance).map(p -> ((JsonValue.Obj) p).members()).orElse(Map.of());
        List<String> errors = new ArrayList<>();
        for (String name : strings(schema.get("required"))) {
            if (!object.members().containsKey(name) || object.members().get(name) instanceof JsonValue.Null) {
                errors.add(name + ": is required");
            }
        }
        object.members().forEach((name, value) -> {
            JsonValue property = properties.get(name);
            if (property instanceof JsonValue.Obj propertySchema) {
                check(name, propertySchema, value).ifPresent(errors::add);
            } else if (!(value instanceof JsonValue.Null)) {
                errors.add("unexpected argument \"" + name + "\"");
            }
        });
        return errors;
    }

    private static Optional<String> check(String name, JsonValue.Obj schema, JsonValue value) {
        if (value instanceof JsonValue.Null) {
            return Optional.empty();
        }
        String type = schema.string("type").orElse("");
        String problem = switch (type) {
            case "string" -> checkString(schema, value);
            case "integer" -> checkInteger(schema, value);
            case "boolean" -> value instanceof JsonValue.Bool ? null : "must be true or false";
            default -> null;
        };
        return Optional.ofNullable(problem).map(p -> name + ": " + p);
    }

    private static String checkString(JsonValue.Obj schema, JsonValue value) {
        List<String> allowed = strings(schema.get("enum"));
        if (!allowed.isEmpty()) {
            return value instanceof JsonValue.Str s && allowed.contains(s.value())
                    ? null
                    : "must be one of " + String.join(", ", allowed);
        }
        if (!(value instanceof JsonValue.Str s)) {
            return "must be a string";
        }
        long min = number(schema, "minLength").orElse(0L);
        long max = number(schema, "maxLength").orElse(Long.MAX_VALUE);
        int length = s.value().strip().length();
        if (length < min) {
            return min == 1 ? "must not be empty" : "must be at least " + min + " characters";
        }
        return length > max ? "must be at most " + max + " characters" : null;
    }

    private static String checkInteger(JsonValue.Obj schema, JsonValue value) {
        Optional<Long> minimum = number(schema, "minimum");
        boolean integral = value instanceof JsonValue.Num n && isIntegral(n.value());
        boolean inRange = integral && minimum.map(min -> ((JsonValue.Num) value).value().compareTo(BigDecimal.valueOf(min)) >= 0)
                .orElse(true);
        if (inRange) {
            return null;
        }
        return minimum.map(min -> "must be an integer ≥ " + min).orElse("must be an integer");
    }

    private static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static Optional<Long> number(JsonValue.Obj schema, String name) {
        return schema.get(name).filter(JsonValue.Num.class::isInstance).map(n -> ((JsonValue.Num) n).value().longValue());
    }

    private static List<String> strings(Optional<JsonValue> array) {
        return array.filter(JsonValue.Arr.class::isInstance)
                .map(a -> ((JsonValue.Arr) a).elements().stream()
                        .filter(JsonValue.Str.class::isInstance)
                        .map(e -> ((JsonValue.Str) e).value())
                        .collect(Collectors.toList()))
                .orElse(List.of());
    }
}
