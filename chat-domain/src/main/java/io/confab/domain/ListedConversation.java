package io.confab.domain;

import java.util.Objects;
import java.util.Optional;

/** A conversation of a conversation list and the start of its newest message (empty while it has none). */
public record ListedConversation(Conversation conversation, Optional<MessagePreview> lastMessage) {

    public ListedConversation {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(lastMessage, "lastMessage");
    }
}
