package io.confab.llm;

import io.confab.llm.openai.OpenAiSettings;
import java.util.Locale;
import java.util.Objects;

/** Which model Confab talks to: the offline assistant, or an OpenAI-compatible endpoint. */
public record ModelSettings(Provider provider, OpenAiSettings openai) {

    /** The model providers, as {@code CONFAB_MODEL_PROVIDER} names them. */
    public enum Provider {
        OFFLINE, OPENAI;

        /** Parses {@code offline} or {@code openai} (any case); anything else is rejected with a clear message. */
        public static Provider parse(String value) {
            String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "offline", "" -> OFFLINE;
                case "openai" -> OPENAI;
                default -> throw new IllegalArgumentException(
                        "unknown model provider '" + value + "' (expected offline or openai)");
            };
        }
    }

    public ModelSettings {
        Objects.requireNonNull(provider, "provider");
        if (provider == Provider.OPENAI && openai == null) {
            throw new IllegalArgumentException("the openai provider needs OpenAI settings");
        }
    }

    public static ModelSettings offline() {
        return new ModelSettings(Provider.OFFLINE, null);
    }

    public static ModelSettings openai(OpenAiSettings settings) {
        return new ModelSettings(Provider.OPENAI, settings);
    }
}
