package io.confab.llm.offline;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import io.confab.domain.metadata.MetadataRule;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The offline model's reply metadata (SPEC §15): the profile's fallback, then the {@code set} of
 * every rule that has one of its words in the user's message, in the profile's order (a later rule
 * overrides an earlier one's members). A word matches at the start of a word, ignoring case, so
 * "leak" matches "leaking" but "ant" does not match "pants".
 */
final class MetadataRules {

    private MetadataRules() {
    }

    static JsonValue.Obj apply(MetadataProfile profile, String userMessage) {
        String text = userMessage.toLowerCase(Locale.ROOT);
        Map<String, JsonValue> members = new LinkedHashMap<>(profile.fallback().members());
        for (MetadataRule rule : profile.rules()) {
            if (rule.whenAny().stream().anyMatch(word -> startsAWord(text, word))) {
                members.putAll(rule.set().members());
            }
        }
        return new JsonValue.Obj(members);
    }

    private static boolean startsAWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word)).matcher(text).find();
    }
}
