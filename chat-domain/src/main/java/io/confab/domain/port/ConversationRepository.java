package io.confab.domain.port;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ListedConversation;
import io.confab.domain.MessagePreview;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Stores conversations. Every read is scoped by owner: another user's or a deleted conversation
 * is simply not found. Counters are changed only by {@link MessageRepository#append}.
 */
public interface ConversationRepository {

    /**
     * Inserts a conversation and answers it, unless its owner already has a live conversation with
     * the same external id: then nothing is written and that one is answered. Of concurrent inserts
     * with one external id, exactly one is stored and all of them answer it.
     */
    Conversation insert(Conversation conversation);

    /** The owner's live (not deleted) conversation. */
    Optional<Conversation> find(UserId owner, ConversationId id);

    /**
     * The owner's live conversations, most recently updated first (ties by id, descending),
     * filtered by status and by text contained in the title (case-insensitive).
     */
    Page<Conversation> list(UserId owner, ConversationQuery query);

    /**
     * The page of {@link #list}, each conversation with the preview of its newest message that
     * {@code messages} (the message store of the same database) has: by default this store's list
     * then the page's {@link MessageRepository#lastMessages}; a store that also holds
     * {@code messages} may read both in one statement.
     */
    default Page<ListedConversation> listWithLastMessages(UserId owner, ConversationQuery query,
                                                          MessageRepository messages) {
        Page<Conversation> page = list(owner, query);
        Map<ConversationId, MessagePreview> last = page.items().isEmpty()
                ? Map.of()
                : messages.lastMessages(owner, page.items().stream().map(Conversation::id).toList());
        return new Page<>(page.items().stream()
                .map(conversation -> new ListedConversation(conversation, Optional.ofNullable(last.get(conversation.id()))))
                .toList(), page.total(), page.offset(), page.limit());
    }

    /**
     * Saves title, status, metadata and updated_at of a live conversation of
     * {@code conversation.owner()}; returns it as stored (with current counters), or empty when
     * it is missing, deleted or someone else's.
     */
    Optional<Conversation> update(Conversation conversation);

    /**
     * Soft-deletes the owner's live conversation, releasing its external id for a new one; false
     * when there was none.
     */
    boolean delete(UserId owner, ConversationId id, Instant at);
}
