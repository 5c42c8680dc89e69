package io.confab.application;

import java.util.Objects;

/**
 * How agent turns behave: the system prompt, how many stored messages the model may see (and
 * within what token budget), and how many tool rounds a turn may take.
 */
public record ConfabSettings(String systemPrompt, int historyLimit, int tokenBudget, int maxToolRounds) {

    public static final String DEFAULT_SYSTEM_PROMPT = """
            You are Confab, a helpful assistant. Answer briefly and clearly. You can manage the \
            user's to-do list with the task tools; use them whenever the user asks about tasks.""";
    public static final int DEFAULT_HISTORY_LIMIT = 50;
    public static final int DEFAULT_TOKEN_BUDGET = 12_000;
    public static final int DEFAULT_MAX_TOOL_ROUNDS = 8;

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
    }

    public static ConfabSettings defaults() {
        return new ConfabSettings(DEFAULT_SYSTEM_PROMPT, DEFAULT_HISTORY_LIMIT, DEFAULT_TOKEN_BUDGET,
                DEFAULT_MAX_TOOL_ROUNDS);
    }

    public ConfabSettings withSystemPrompt(String prompt) {
        return new ConfabSettings(prompt, historyLimit, tokenBudget, maxToolRounds);
    }

    public ConfabSettings withHistoryLimit(int limit) {
        return new ConfabSettings(systemPrompt, limit, tokenBudget, maxToolRounds);
    }

    public ConfabSettings withTokenBudget(int budget) {
        return new ConfabSettings(systemPrompt, historyLimit, budget, maxToolRounds);
    }

    public ConfabSettings withMaxToolRounds(int rounds) {
        return new ConfabSettings(systemPrompt, historyLimit, tokenBudget, rounds);
    }
}
