package io.confab.json;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import io.confab.domain.metadata.MetadataRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a reply metadata profile (SPEC §15) from its JSON text:
 * {@code {"schema":{…},"instructions":"…","fallback":{…},"rules":[{"when_any":["…"],"set":{…}}]}};
 * {@code instructions} and {@code rules} may be left out. Anything else throws
 * {@link IllegalArgumentException} saying what is wrong.
 */
public final class MetadataProfiles {

    private MetadataProfiles() {
    }

    public static MetadataProfile read(String json) {
        if (!(JsonValues.parse(json) instanceof JsonValue.Obj profile)) {
            throw new IllegalArgumentException("a metadata profile must be a JSON object");
        }
        JsonValue.Obj schema = object(profile, "schema", "schema");
        if (!schema.string("type").orElse("").equals("object")) {
            throw new IllegalArgumentException("schema must describe an object (\"type\": \"object\")");
        }
        String instructions = profile.get("instructions").map(value -> text(value, "instructions")).orElse("");
        return new MetadataProfile(schema, instructions, object(profile, "fallback", "fallback"), rules(profile));
    }

    private static List<MetadataRule> rules(JsonValue.Obj profile) {
        List<MetadataRule> rules = new ArrayList<>();
        JsonValue value = profile.get("rules").orElse(new JsonValue.Arr(List.of()));
        if (!(value instanceof JsonValue.Arr array)) {
            throw new IllegalArgumentException("rules must be an array");
        }
        for (int i = 0; i < array.elements().size(); i++) {
            String where = "rules[" + i + "]";
            if (!(array.elements().get(i) instanceof JsonValue.Obj rule)) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            if (!(rule.get("when_any").orElse(null) instanceof JsonValue.Arr words) || words.elements().isEmpty()) {
                throw new IllegalArgumentException(where + ".when_any must be a non-empty array of words");
            }
            List<String> whenAny = words.elements().stream().map(word -> text(word, where + ".when_any")).toList();
            rules.add(new MetadataRule(whenAny, object(rule, "set", where + ".set")));
        }
        return rules;
    }

    private static JsonValue.Obj object(JsonValue.Obj parent, String name, String where) {
        if (!(parent.get(name).orElse(null) instanceof JsonValue.Obj object)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return object;
    }

    private static String text(JsonValue value, String where) {
        if (!(value instanceof JsonValue.Str text)) {
            throw new IllegalArgumentException(where + " must be text");
        }
        return text.value();
    }
}
