package io.confab.llm;

import io.confab.domain.port.ChatModel;
import io.confab.llm.offline.OfflineChatModel;
import io.confab.llm.openai.OpenAiChatModel;

/** Builds the configured {@link ChatModel}: the entry point bootstrap calls for {@code CONFAB_MODEL_PROVIDER}. */
public final class ChatModels {

    /**
     * A system prompt for when {@code CONFAB_SYSTEM_PROMPT} is not set: it tells a real model to
     * act through the task tools. The offline model ignores system prompts.
     */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are Confab, a concise and friendly assistant. "
            + "You manage the user's task list with the tools you are given: call them instead of guessing, "
            + "refer to tasks by their number and title, and confirm what you changed in one short sentence. "
            + "For anything else, answer briefly and honestly.";

    private ChatModels() {
    }

    /**
     * The model the settings name. An OpenAI model holds an HTTP client: close it (it is
     * {@link AutoCloseable}) when the application stops.
     */
    public static ChatModel create(ModelSettings settings) {
        return switch (settings.provider()) {
            case OFFLINE -> offline();
            case OPENAI -> new OpenAiChatModel(settings.openai());
        };
    }

    /** The deterministic offline assistant (no network). */
    public static ChatModel offline() {
        return new OfflineChatModel();
    }
}
