package io.confab.domain.port;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
     * The writes that open and close a turn over this store and {@code leases}: by default this
     * store's appends and the leases' claims and releases one after the other; a store that also
     * holds {@code leases} may do each as one statement.
     */
    default TurnJournal journal(TurnLeases leases) {
        return new SequentialTurnJournal(this, leases);
    }

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

    /**
     * The assistant messages that answer {@code userMessage}, newest first, at most {@code limit}: a
     * reply written again (regenerated, retried, run again after a lost turn) answers it more than
     * once, and the older replies are its earlier versions. Empty when the conversation is not the
     * owner's live one.
     */
    List<Message> replies(UserId owner, ConversationId conversation, MessageId userMessage, int limit);

    /** The newest assistant message that answers {@code userMessage}: its current reply. */
    default Optional<Message> findReply(UserId owner, ConversationId conversation, MessageId userMessage) {
        return replies(owner, conversation, userMessage, 1).stream().findFirst();
    }

    /**
     * The newest message of each of the owner's live conversations among {@code conversations}, in
     * one read for a whole page of a conversation list; conversations without messages (or not the
     * owner's) are absent from the answer.
     */
    Map<ConversationId, MessagePreview> lastMessages(UserId owner, Collection<ConversationId> conversations);

    /** The message {@code id} of the owner's live conversation. */
    Optional<Message> find(UserId owner, ConversationId conversation, MessageId id);

    /**
     * Sets (or replaces) the owner's feedback on message {@code id} of their live conversation;
     * false when there is no such message there.
     */
    boolean saveFeedback(UserId owner, ConversationId conversation, MessageId id, Feedback feedback);

    /**
     * In one transaction: inserts the new conversation and all its messages (with their tool
     * calls), its message count and tokens used counted from {@code messages} (whatever
     * {@code conversation} says); answers it as stored. Every message belongs to it. Nothing is
     * written when any insert fails (an import never leaves half a conversation).
     */
    Conversation insertAll(Conversation conversation, List<Message> messages);

    /**
     * Erases every conversation of the owner, live or deleted, with its messages, their tool calls
     * and feedback; answers how many conversations it erased. Databases do it in batches of
     * conversations, a transaction each, so a huge account never holds one long transaction; a
     * failure part way leaves whole conversations erased and the rest intact, and a second call
     * finishes the job.
     */
    long eraseOwner(UserId owner);

    /**
     * Erases, like {@link #eraseOwner}, every conversation of any owner that {@code policy} no
     * longer keeps at {@code now}; answers how many. Safe on several instances at once: each batch
     * takes only conversations no other instance holds, so they share the work and each
     * conversation is erased once.
     */
    long purge(RetentionPolicy policy, Instant now);

    /**
     * Full-text search of the owner's live conversations: their messages and titles that contain
     * every word of {@code query}, best match first, at most {@code limit}. A query without any word
     * finds nothing; no query text is ever an error. How words match (stemming, substrings) is the
     * store's: PostgreSQL's text search, a lower-cased substring on H2, whole words in memory.
     */
    List<SearchHit> search(UserId owner, String query, int limit);
}
