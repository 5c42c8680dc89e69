package io.confab.application.memory;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.RetentionPolicy;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Conversations in a map, for ephemeral use and tests. Thread-safe: every method holds this
 * object's monitor, which {@link InMemoryMessageRepository} shares so an append is atomic.
 */
public final class InMemoryConversationRepository implements ConversationRepository {

    private static final Comparator<Conversation> NEWEST_ACTIVITY_FIRST = Comparator
            .comparing(Conversation::updatedAt)
            .thenComparing((a, b) -> Uuids.compare(a.id().value(), b.id().value()))
            .reversed();

    private final Map<ConversationId, Conversation> rows = new HashMap<>();

    @Override
    public synchronized Conversation insert(Conversation conversation) {
        Optional<Conversation> named = conversation.externalId().flatMap(name -> rows.values().stream()
                .filter(c -> c.owner().equals(conversation.owner()) && !c.isDeleted())
                .filter(c -> c.externalId().equals(Optional.of(name)))
                .findFirst());
        if (named.isPresent()) {
            return named.get();
        }
        if (rows.putIfAbsent(conversation.id(), conversation) != null) {
            throw new IllegalStateException("conversation " + conversation.id() + " already exists");
        }
        return conversation;
    }

    @Override
    public synchronized Optional<Conversation> find(UserId owner, ConversationId id) {
        return Optional.ofNullable(rows.get(id))
                .filter(c -> c.owner().equals(owner) && !c.isDeleted());
    }

    @Override
    public synchronized Page<Conversation> list(UserId owner, ConversationQuery query) {
        Optional<String> text = query.text().map(t -> t.toLowerCase(Locale.ROOT));
        List<Conversation> matching = rows.values().stream()
                .filter(c -> c.owner().equals(owner) && !c.isDeleted())
                .filter(c -> query.status().map(s -> s == c.status()).orElse(true))
                .filter(c -> text.map(t -> c.title().toLowerCase(Locale.ROOT).contains(t)).orElse(true))
                .sorted(NEWEST_ACTIVITY_FIRST)
                .toList();
        List<Conversation> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
        return new Page<>(page, matching.size(), query.offset(), query.limit());
    }

    /** The owner's live conversations, in no order. */
    synchronized List<Conversation> live(UserId owner) {
        return rows.values().stream().filter(c -> c.owner().equals(owner) && !c.isDeleted()).toList();
    }

    @Override
    public synchronized Optional<Conversation> update(Conversation conversation) {
        return find(conversation.owner(), conversation.id()).map(stored -> {
            Conversation saved = new Conversation(stored.id(), stored.owner(), conversation.title(),
                    conversation.status(), conversation.metadata(), stored.externalId(), conversation.settings(),
                    stored.createdAt(), conversation.updatedAt(), Optional.empty(), stored.messageCount(),
                    stored.tokensUsed());
            rows.put(saved.id(), saved);
            return saved;
        });
    }

    @Override
    public synchronized boolean delete(UserId owner, ConversationId id, Instant at) {
        return find(owner, id).map(stored -> {
            rows.put(id, new Conversation(stored.id(), stored.owner(), stored.title(), stored.status(),
                    stored.metadata(), Optional.empty(), stored.settings(), stored.createdAt(), stored.updatedAt(),
                    Optional.of(at), stored.messageCount(), stored.tokensUsed()));
            return true;
        }).orElse(false);
    }

    /** Removes every conversation of the owner, live or deleted, and answers their ids; for {@link InMemoryMessageRepository}. */
    synchronized List<ConversationId> eraseOwner(UserId owner) {
        return eraseWhere(c -> c.owner().equals(owner));
    }

    /** Erases the conversations {@code policy} no longer keeps at {@code now}; answers their ids. */
    synchronized List<ConversationId> purge(RetentionPolicy policy, Instant now) {
        return eraseWhere(c -> c.deletedAt().map(at -> at.isBefore(now.minus(policy.deleted())))
                .orElseGet(() -> c.settings().retentionDays().map(days -> RetentionPolicy.cutoff(now, days))
                        .or(() -> policy.untouched().map(now::minus))
                        .filter(c.updatedAt()::isBefore)
                        .isPresent()));
    }

    private List<ConversationId> eraseWhere(Predicate<Conversation> which) {
        List<ConversationId> erased = rows.values().stream().filter(which).map(Conversation::id).toList();
        erased.forEach(rows::remove);
        return erased;
    }

    /**
     * Moves the counters and updated_at on for an appended message and answers the conversation as
     * that left it; the caller holds this monitor.
     */
    Conversation countAppended(Conversation stored, Message message) {
        Conversation counted = new Conversation(stored.id(), stored.owner(), stored.title(), stored.status(),
                stored.metadata(), stored.externalId(), stored.settings(), stored.createdAt(), message.createdAt(),
                stored.deletedAt(), stored.messageCount() + 1, stored.tokensUsed() + message.usage().total());
        rows.put(counted.id(), counted);
        return counted;
    }
}
