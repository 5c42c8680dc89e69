package io.confab.domain.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value as a plain tree, so the core can hold and inspect tool arguments and results
 * without a JSON library. Text is parsed and written only by the adapters (see {@code chat-json}).
 */
public sealed interface JsonValue {

    /** A JSON object; member order is kept. */
    record Obj(Map<String, JsonValue> members) implements JsonValue {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public static Obj empty() {
            return new Obj(Map.of());
        }

        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        /** A text member, empty when absent or not a string. */
        public Optional<String> string(String name) {
            return get(name).filter(Str.class::isInstance).map(v -> ((Str) v).value());
        }
    }

    /** A JSON array. */
    record Arr(List<JsonValue> elements) implements JsonValue {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    /** A JSON string. */
    record Str(String value) implements JsonValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON number. */
    record Num(BigDecimal value) implements JsonValue {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        public static Num of(long value) {
            return new Num(BigDecimal.valueOf(value));
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements JsonValue {
    }

    /** {@code null}. */
    record Null() implements JsonValue {
        public static final Null INSTANCE = new Null();
    }

    static Str of(String value) {
        return new Str(value);
    }

    static Num of(long value) {
        return Num.of(value);
    }

    static Bool of(boolean value) {
        return new Bool(value);
    }

    /** An object from alternating names and values: {@code object("a", of(1), "b", of("x"))}. */
    static Obj object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (JsonValue) namesAndValues[i + 1]);
        }
        return new Obj(members);
    }

    static Arr array(List<? extends JsonValue> elements) {
        return new Arr(List.copyOf(elements));
    }
}
