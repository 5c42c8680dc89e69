package io.confab.application.memory;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    public synchronized void insert(Conversation conversation) {
        if (rows.putIfAbsent(conversation.id(), conversation) != null) {
            throw new IllegalStateException("conversation " + conversation.id() + " already exists");
        }
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
                    conversation.status(), conversation.metadata(), stored.createdAt(), conversation.updatedAt(),
                    Optional.empty(), stored.messageCount(), stored.tokensUsed());
            rows.put(saved.id(), saved);
            return saved;
        });
    }

    @Override
    public synchronized boolean delete(UserId owner, ConversationId id, Instant at) {
        return find(owner, id).map(stored -> {
            rows.put(id, new Conversation(stored.id(), stored.owner(), stored.title(), stored.status(),
                    stored.metadata(), stored.createdAt(), stored.updatedAt(), Optional.of(at),
                    stored.messageCount(), stored.tokensUsed()));
            return true;
        }).orElse(false);
    }

    /**
     * Moves the counters and updated_at on for an appended message and answers the conversation as
     * that left it; the caller holds this monitor.
     */
    Conversation countAppended(Conversation stored, Message message) {
        Conversation counted = new Conversation(stored.id(), stored.owner(), stored.title(), stored.status(),
                stored.metadata(), stored.createdAt(), message.createdAt(), stored.deletedAt(),
                stored.messageCount() + 1, stored.tokensUsed() + message.usage().total());
        rows.put(counted.id(), counted);
        return counted;
    }
}
