package io.confab.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a search: a message, or a conversation's title (no message id, role
 * {@value #TITLE_ROLE}, the conversation's created_at). The snippet is plain text around the match,
 * at most {@value #MAX_SNIPPET} characters.
 */
public record SearchHit(ConversationId conversationId, Optional<MessageId> messageId, String role, String snippet,
                        Instant createdAt) {

    /** The role of a hit in a conversation's title. */
    public static final String TITLE_ROLE = "title";
    /** The longest snippet, in characters: a longer one is cut with an ellipsis. */
    public static final int MAX_SNIPPET = 300;

    public SearchHit {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        snippet = snippet.length() <= MAX_SNIPPET ? snippet : snippet.substring(0, MAX_SNIPPET - 1) + "…";
    }

    /** A hit in a message. */
    public static SearchHit inMessage(ConversationId conversation, MessageId message, Role role, String snippet,
                                      Instant createdAt) {
        return new SearchHit(conversation, Optional.of(message), role.wireName(), snippet, createdAt);
    }

    /** A hit in a conversation's title. */
    public static SearchHit inTitle(ConversationId conversation, String snippet, Instant createdAt) {
        return new SearchHit(conversation, Optional.empty(), TITLE_ROLE, snippet, createdAt);
    }
}
