package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.UserId;
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

    /**
     * The newest message of each of the owner's live conversations among {@code conversations}, in
     * one read for a whole page of a conversation list; conversations without messages (or not the
     * owner's) are absent from the answer.
     */
    Map<ConversationId, MessagePreview> lastMessages(UserId owner, Collection<ConversationId> conversations);

    /** The message {@code id} of the owner's live conversation. */
    Optional<Message> find(UserId owner, ConversationId conversation, MessageId id);
}
