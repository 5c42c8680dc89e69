package io.confab.application;

import io.confab.domain.port.RetentionPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How agent turns behave: the system prompt, how many stored messages the model may see (and
 * within what token budget), how many tool rounds a turn may take, how long a turn's lease on its
 * conversation lasts unless renewed, the name this instance holds leases under, and the structured
 * metadata each reply gets.
 */
public record ConfabSettings(String systemPrompt, int historyLimit, int tokenBudget, int maxToolRounds,
                             Duration turnLease, String instance, Set<String> models,
                             RetentionPolicy retention, ReplyMetadata replyMetadata) {

    /** Tells a real model to act through the task tools (the offline model ignores system prompts). */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are Confab, a concise and friendly assistant. "
            + "You manage the user's task list with the tools you are given: call them instead of guessing, "
            + "refer to tasks by their number and title, and confirm what you changed in one short sentence. "
            + "For anything else, answer briefly and honestly.";
    public static final int DEFAULT_HISTORY_LIMIT = 50;
    public static final int DEFAULT_TOKEN_BUDGET = 12_000;
    public static final int DEFAULT_MAX_TOOL_ROUNDS = 8;
    public static final Duration DEFAULT_TURN_LEASE = Duration.ofSeconds(30);

    public ConfabSettings {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        if (historyLimit < 1 || historyLimit > 1_000) {
            throw new IllegalArgumentException("historyLimit must be between 1 and 1000");
        }
        if (tokenBudget < 100) {
            throw new IllegalArgumentException("tokenBudget must be at least 100");
        }
        if (maxToolRounds < 0 || maxToolRounds > 32) {
            throw new IllegalArgumentException("maxToolRounds must be between 0 and 32");
        }
        if (turnLease.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("turnLease must be at least 300 ms");
        }
        if (instance == null || instance.isBlank() || instance.length() > 200) {
            throw new IllegalArgumentException("instance must be 1..200 characters");
        }
        models = Set.copyOf(models);
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(replyMetadata, "replyMetadata");
    }

    /** The defaults, under a random instance name (so a restart never takes over leases; they expire). */
    public static ConfabSettings defaults() {
        return new ConfabSettings(DEFAULT_SYSTEM_PROMPT, DEFAULT_HISTORY_LIMIT, DEFAULT_TOKEN_BUDGET,
                DEFAULT_MAX_TOOL_ROUNDS, DEFAULT_TURN_LEASE, "confab-" + UUID.randomUUID(), Set.of(),
                new RetentionPolicy(Optional.empty(), RetentionPolicy.DEFAULT_DELETED), ReplyMetadata.NONE);
    }

    public ConfabSettings withSystemPrompt(String prompt) {
        return new ConfabSettings(prompt, historyLimit, tokenBudget, maxToolRounds, turnLease, instance, models, retention,
                replyMetadata);
    }

    public ConfabSettings withHistoryLimit(int limit) {
        return new ConfabSettings(systemPrompt, limit, tokenBudget, maxToolRounds, turnLease, instance, models, retention,
                replyMetadata);
    }

    public ConfabSettings withTokenBudget(int budget) {
        return new ConfabSettings(systemPrompt, historyLimit, budget, maxToolRounds, turnLease, instance, models, retention,
                replyMetadata);
    }

    public ConfabSettings withMaxToolRounds(int rounds) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, rounds, turnLease, instance, models, retention,
                replyMetadata);
    }

    public ConfabSettings withTurnLease(Duration lease) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, maxToolRounds, lease, instance, models, retention,
                replyMetadata);
    }

    /** The structured metadata of replies (SPEC §15); {@link ReplyMetadata#NONE} by default. */
    public ConfabSettings withReplyMetadata(ReplyMetadata metadata) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, maxToolRounds, turnLease, instance, models,
                retention, metadata);
    }

    /**
     * The name this instance holds leases under. A stable name (host and port) lets an instance
     * that restarts end the turns of its previous run at once instead of when their leases expire;
     * two live instances must never share one.
     */
    public ConfabSettings withInstance(String name) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, maxToolRounds, turnLease, name, models, retention,
                replyMetadata);
    }

    /**
     * The models a conversation may choose besides the configured one (CONFAB_MODELS, SPEC §16);
     * none by default.
     */
    public ConfabSettings withModels(Set<String> allowed) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, maxToolRounds, turnLease, instance, allowed, retention,
                replyMetadata);
    }

    /** How long conversations are kept (CONFAB_RETENTION_DAYS, CONFAB_DELETED_RETENTION_DAYS); by default live ones forever. */
    public ConfabSettings withRetention(RetentionPolicy policy) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, maxToolRounds, turnLease, instance, models,
                policy, replyMetadata);
    }
}
