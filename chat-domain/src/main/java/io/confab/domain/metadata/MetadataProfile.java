package io.confab.domain.metadata;

import io.confab.domain.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * What structured metadata each reply gets (SPEC §15): the JSON Schema of an object, the
 * instructions a model follows to fill it in, the object used when none valid can be had, and the
 * rules a model without a network (the offline one) applies instead.
 */
public record MetadataProfile(JsonValue.Obj schema, String instructions, JsonValue.Obj fallback,
                              List<MetadataRule> rules) {

    public MetadataProfile {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(fallback, "fallback");
        rules = List.copyOf(rules);
    }
}
