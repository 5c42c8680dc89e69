package io.confab.persistence;

import static io.confab.persistence.SqlFailures.guard;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RetentionPolicy;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLeases;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports a lost database as {@code StoreUnavailableException} around any message store. */
record GuardedMessageRepository(MessageRepository store) implements MessageRepository {

    @Override
    public AppendResult append(UserId owner, Message message) {
        return guard(() -> store.append(owner, message));
    }

    /** The store's own journal over the leases under their guard, itself guarded. */
    @Override
    public TurnJournal journal(TurnLeases leases) {
        return new GuardedTurnJournal(store.journal(leases instanceof GuardedTurnLeases guarded ? guarded.store() : leases));
    }

    @Override
    public Optional<MessagePage> page(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        return guard(() -> store.page(owner, conversation, before, limit));
    }

    @Override
    public Optional<List<Message>> latest(UserId owner, ConversationId conversation, int limit) {
        return guard(() -> store.latest(owner, conversation, limit));
    }

    @Override
    public Optional<Message> findByClientMessageId(UserId owner, ConversationId conversation, String clientMessageId) {
        return guard(() -> store.findByClientMessageId(owner, conversation, clientMessageId));
    }

    @Override
    public List<Message> replies(UserId owner, ConversationId conversation, MessageId userMessage, int limit) {
        return guard(() -> store.replies(owner, conversation, userMessage, limit));
    }

    @Override
    public Map<ConversationId, MessagePreview> lastMessages(UserId owner, Collection<ConversationId> conversations) {
        return guard(() -> store.lastMessages(owner, conversations));
    }

    @Override
    public Optional<Message> find(UserId owner, ConversationId conversation, MessageId id) {
        return guard(() -> store.find(owner, conversation, id));
    }

    @Override
    public boolean saveFeedback(UserId owner, ConversationId conversation, MessageId id, Feedback feedback) {
        return guard(() -> store.saveFeedback(owner, conversation, id, feedback));
    }

    @Override
    public Conversation insertAll(Conversation conversation, List<Message> messages) {
        return guard(() -> store.insertAll(conversation, messages));
    }

    @Override
    public long eraseOwner(UserId owner) {
        return guard(() -> store.eraseOwner(owner));
    }

    @Override
    public long purge(RetentionPolicy policy, Instant now) {
        return guard(() -> store.purge(policy, now));
    }

    @Override
    public List<SearchHit> search(UserId owner, String query, int limit) {
        return guard(() -> store.search(owner, query, limit));
    }
}
