package io.confab.domain.metadata;

import io.confab.domain.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One offline rule of a {@link MetadataProfile}: when the user's message has any of these words, set these members. */
public record MetadataRule(List<String> whenAny, JsonValue.Obj set) {

    public MetadataRule {
        whenAny = whenAny.stream().map(word -> word.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
        if (whenAny.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one word in when_any");
        }
        Objects.requireNonNull(set, "set");
    }
}
