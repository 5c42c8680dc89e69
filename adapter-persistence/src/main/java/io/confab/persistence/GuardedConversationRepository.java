package io.confab.persistence;

import static io.confab.persistence.SqlFailures.guard;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ListedConversation;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import java.time.Instant;
import java.util.Optional;

/** Reports a lost database as {@code StoreUnavailableException} around any conversation store. */
record GuardedConversationRepository(ConversationRepository store) implements ConversationRepository {

    @Override
    public Conversation insert(Conversation conversation) {
        return guard(() -> store.insert(conversation));
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return guard(() -> store.find(owner, id));
    }

    @Override
    public Page<Conversation> list(UserId owner, ConversationQuery query) {
        return guard(() -> store.list(owner, query));
    }

    /** The store's own listing over the message store under its guard, itself guarded. */
    @Override
    public Page<ListedConversation> listWithLastMessages(UserId owner, ConversationQuery query, MessageRepository messages) {
        MessageRepository unguarded = messages instanceof GuardedMessageRepository guarded ? guarded.store() : messages;
        return guard(() -> store.listWithLastMessages(owner, query, unguarded));
    }

    @Override
    public Optional<Conversation> update(Conversation conversation) {
        return guard(() -> store.update(conversation));
    }

    @Override
    public boolean delete(UserId owner, ConversationId id, Instant at) {
        return guard(() -> store.delete(owner, id, at));
    }
}
