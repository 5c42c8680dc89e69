package io.confab.domain.metadata;

import java.util.Objects;

/** What a model gets to describe one reply: the profile, the user's message and the assistant's reply. */
public record MetadataRequest(MetadataProfile profile, String userMessage, String reply) {

    public MetadataRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(reply, "reply");
    }
}
