package io.confab.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What one conversation sets for itself instead of the server's defaults (SPEC §16): its system
 * prompt, its model (one of the server's allowed models) and how many days its messages are kept.
 * An absent value means the server's.
 */
public record ConversationSettings(Optional<String> systemPrompt, Optional<String> model,
                                   Optional<Integer> retentionDays) {

    public static final ConversationSettings DEFAULTS = new ConversationSettings(Optional.empty(), Optional.empty(),
            Optional.empty());
    public static final int MAX_SYSTEM_PROMPT_LENGTH = 10_000;
    public static final int MAX_MODEL_LENGTH = 100;
    public static final int MAX_RETENTION_DAYS = 36_500;

    public ConversationSettings {
        systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt").map(String::strip).filter(p -> !p.isEmpty());
        systemPrompt.ifPresent(prompt -> {
            UserText.withoutNul("system_prompt", prompt);
            if (prompt.length() > MAX_SYSTEM_PROMPT_LENGTH) {
                throw new ValidationException("system_prompt", "must be at most " + MAX_SYSTEM_PROMPT_LENGTH + " characters");
            }
        });
        model = Objects.requireNonNull(model, "model").map(String::strip).filter(m -> !m.isEmpty());
        model.ifPresent(name -> {
            UserText.withoutNul("model", name);
            if (name.length() > MAX_MODEL_LENGTH) {
                throw new ValidationException("model", "must be at most " + MAX_MODEL_LENGTH + " characters");
            }
        });
        Objects.requireNonNull(retentionDays, "retentionDays").ifPresent(days -> {
            if (days < 1 || days > MAX_RETENTION_DAYS) {
                throw new ValidationException("retention_days", "must be between 1 and " + MAX_RETENTION_DAYS);
            }
        });
    }
}
