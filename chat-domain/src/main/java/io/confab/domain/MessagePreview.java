package io.confab.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The newest message of a conversation as a conversation list shows it: its role, the start of
 * its content (at most {@link #MAX_CONTENT} characters, never half a surrogate pair) and when it
 * was written.
 */
public record MessagePreview(ConversationId conversationId, Role role, String content, Instant createdAt) {

    public static final int MAX_CONTENT = 200;

    public MessagePreview {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(role, "role");
        content = cut(Objects.requireNonNull(content, "content"));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String cut(String content) {
        if (content.length() <= MAX_CONTENT) {
            return content;
        }
        int end = Character.isHighSurrogate(content.charAt(MAX_CONTENT - 1)) ? MAX_CONTENT - 1 : MAX_CONTENT;
        return content.substring(0, end);
    }
}
