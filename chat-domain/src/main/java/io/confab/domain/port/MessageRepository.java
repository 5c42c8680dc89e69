package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Stores the messages of conversations, with their tool calls. Appending is an insert, never a
 * rewrite of history; reads are owner-scoped and paged, never the whole conversation.
 */
public interface MessageRepository {

    /**
     * In one transaction: inserts the message with its tool calls, adds one to the conversation's
     * message count, adds the message's token usage to its tokens used, and sets its updated_at
     * to the message's created_at; answers with the conversation as that left it. A repeated
     * client_message_id writes nothing.
     */
    AppendResult append(UserId owner, Message message);

    /**
     * A page of history: the {@code limit} messages just older than {@code before} (or the newest
     * when absent), oldest first; empty when the conversation is not the owner's or is deleted.
     */
    Optional<MessagePage> page(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit);

    /**
     * The newest {@code limit} messages, oldest first: the history window for the model; empty when
     * the conversation is not the owner's or is deleted, so one read both checks the conversation
     * and loads its window.
     */
    Optional<List<Message>> latest(UserId owner, ConversationId conversation, int limit);

    /** The user message sent with this client_message_id. */
    Optional<Message> findByClientMessageId(UserId owner, ConversationId conversation, String clientMessageId);

    /** The newest assistant message that answers {@code userMessage} (a turn run again answers it twice). */
    Optional<Message> findReply(UserId owner, ConversationId conversation, MessageId userMessage);

    /** The message {@code id} of the owner's live conversation. */
    Optional<Message> find(UserId owner, ConversationId conversation, MessageId id);

    /**
     * Sets (or replaces) the owner's feedback on message {@code id} of their live conversation;
     * false when there is no such message there.
     */
    boolean saveFeedback(UserId owner, ConversationId conversation, MessageId id, Feedback feedback);

    /**
     * Full-text search of the owner's live conversations: their messages and titles that contain
     * every word of {@code query}, best match first, at most {@code limit}. A query without any word
     * finds nothing; no query text is ever an error. How words match (stemming, substrings) is the
     * store's: PostgreSQL's text search, a lower-cased substring on H2, whole words in memory.
     */
    List<SearchHit> search(UserId owner, String query, int limit);
}
