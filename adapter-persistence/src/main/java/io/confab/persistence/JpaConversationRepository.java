package io.confab.persistence;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ExternalId;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/** Conversations through Hibernate; every query names the owner and skips soft-deleted rows. */
final class JpaConversationRepository implements ConversationRepository {

    private static final String LIVE = "c.owner = :owner and c.deletedAt is null";

    private final SessionFactory sessions;

    JpaConversationRepository(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Conversation insert(Conversation conversation) {
        return SqlFailures.insertUnlessNamed(conversation,
                () -> sessions.inTransaction(session -> session.persist(ConversationEntity.from(conversation))),
                name -> named(conversation.owner(), name));
    }

    private Optional<Conversation> named(UserId owner, ExternalId name) {
        return sessions.fromTransaction(session -> session.createSelectionQuery(
                        "from Conversation c where c.externalId = :name and " + LIVE, ConversationEntity.class)
                .setParameter("name", name.value())
                .setParameter("owner", owner.value())
                .uniqueResultOptional()
                .map(ConversationEntity::toDomain));
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return sessions.fromTransaction(session -> live(session, owner, id).map(ConversationEntity::toDomain));
    }

    @Override
    public Page<Conversation> list(UserId owner, ConversationQuery query) {
        Filter filter = Filter.of(owner, query);
        return sessions.fromTransaction(session -> {
            long total = filter.bind(session.createSelectionQuery(
                    "select count(c) from Conversation c where " + filter.where(), Long.class))
                    .getSingleResult();
            var items = filter.bind(session.createSelectionQuery(
                    "from Conversation c where " + filter.where() + " order by c.updatedAt desc, c.id desc",
                    ConversationEntity.class))
                    .setFirstResult(query.offset())
                    .setMaxResults(query.limit())
                    .getResultList()
                    .stream()
                    .map(ConversationEntity::toDomain)
                    .toList();
            return new Page<>(items, total, query.offset(), query.limit());
        });
    }

    @Override
    public Optional<Conversation> update(Conversation conversation) {
        return sessions.fromTransaction(session -> live(session, conversation.owner(), conversation.id())
                .map(entity -> {
                    entity.apply(conversation);
                    return entity.toDomain();
                }));
    }

    @Override
    public boolean delete(UserId owner, ConversationId id, Instant at) {
        return sessions.fromTransaction(session -> session.createMutationQuery(
                        "update Conversation c set c.deletedAt = :at, c.externalId = null where c.id = :id and " + LIVE)
                .setParameter("at", at)
                .setParameter("id", id.value())
                .setParameter("owner", owner.value())
                .executeUpdate() == 1);
    }

    /** The owner's conversation, unless it is deleted (the message store's reads check it too). */
    static Optional<ConversationEntity> live(Session session, UserId owner, ConversationId id) {
        return session.createSelectionQuery("from Conversation c where c.id = :id and " + LIVE, ConversationEntity.class)
                .setParameter("id", id.value())
                .setParameter("owner", owner.value())
                .uniqueResultOptional();
    }

    /** The where clause of a list query and its parameters: owner, live, and the optional filters. */
    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(UserId owner, ConversationQuery query) {
            StringBuilder where = new StringBuilder(LIVE);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("owner", owner.value());
            query.status().ifPresent(status -> {
                where.append(" and c.status = :status");
                parameters.put("status", status.wireName());
            });
            query.text().ifPresent(text -> {
                where.append(" and lower(c.title) like :pattern escape '!'");
                parameters.put("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
            });
            return new Filter(where.toString(), parameters);
        }

        <T> SelectionQuery<T> bind(SelectionQuery<T> selection) {
            parameters.forEach(selection::setParameter);
            return selection;
        }

        private static String escapeLike(String text) {
            return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }
    }
}
