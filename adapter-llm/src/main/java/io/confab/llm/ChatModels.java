package io.confab.llm;

import io.confab.domain.port.ChatModel;
import io.confab.llm.offline.OfflineChatModel;
import io.confab.llm.openai.OpenAiChatModel;

/** Builds the configured {@link ChatModel}: the entry point bootstrap calls for {@code CONFAB_MODEL_PROVIDER}. */
public final class ChatModels {

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
