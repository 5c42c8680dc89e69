package io.confab.domain.port;

import io.confab.domain.Cancellation;
import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelRequest;
import java.util.Optional;
import java.util.function.Consumer;

/** A language model that streams its reply. */
public interface ChatModel {

    /** The model's name as stored with each assistant message. */
    String name();

    /**
     * Streams one reply to {@code sink} on the calling thread and returns when it ended. When
     * {@code cancellation} fires the upstream call is closed at once and this returns early.
     *
     * @throws ChatModelException when no complete reply can be had (after retries)
     */
    void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation);

    /** A short title for a conversation that began with this exchange; empty to use the default. */
    default Optional<String> title(String userMessage, String reply) {
        return Optional.empty();
    }

    /**
     * The structured metadata of a reply under the request's profile (SPEC §15), as the model gives
     * it: the caller validates it against the profile's schema. Empty when this model gives none.
     *
     * @throws RuntimeException when the model fails; the caller then uses the profile's fallback
     */
    default Optional<JsonValue> replyMetadata(MetadataRequest request) {
        return Optional.empty();
    }
}
