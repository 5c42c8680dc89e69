package io.confab.persistence;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.domain.SearchHit;
import io.confab.domain.ToolCall;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RetentionPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/**
 * Messages and tool calls through Hibernate, with the same shape as the jOOQ store: counters
 * first (locking the conversation), then inserts, then the counted conversation read back, in one
 * transaction; reads newest first by (created_at, id), tool calls of all messages read in one
 * more query. Search is the jOOQ query on the same pool ({@link JooqMessageSearch}): JPQL has no
 * full-text search.
 */
final class JpaMessageRepository implements MessageRepository {

    private static final String OWNED = "m.conversationId = :conversation and exists ("
            + "select 1 from Conversation c where c.id = :conversation and c.owner = :owner and c.deletedAt is null)";
    private static final String OLDER_THAN_ANCHOR = " and exists (select 1 from Message b"
            + " where b.id = :before and b.conversationId = :conversation"
            + " and (m.createdAt < b.createdAt or (m.createdAt = b.createdAt and m.id < b.id)))";

    private final SessionFactory sessions;
    private final JooqMessageSearch search;

    JpaMessageRepository(SessionFactory sessions, JooqMessageSearch search) {
        this.sessions = sessions;
        this.search = search;
    }

    @Override
    public List<SearchHit> search(UserId owner, String query, int limit) {
        return search.search(owner, query, limit);
    }

    @Override
    public AppendResult append(UserId owner, Message message) {
        return SqlFailures.appendOrDuplicate(message,
                () -> sessions.fromTransaction(session -> appendIn(session, owner, message)),
                key -> findByClientMessageId(owner, message.conversationId(), key));
    }

    private static AppendResult appendIn(Session session, UserId owner, Message message) {
        int counted = session.createMutationQuery("update Conversation c"
                        + " set c.messageCount = c.messageCount + 1, c.tokensUsed = c.tokensUsed + :tokens,"
                        + " c.updatedAt = :at"
                        + " where c.id = :id and c.owner = :owner and c.deletedAt is null")
                .setParameter("tokens", message.usage().total())
                .setParameter("at", message.createdAt())
                .setParameter("id", message.conversationId().value())
                .setParameter("owner", owner.value())
                .executeUpdate();
        if (counted == 0) {
            return new AppendResult.ConversationMissing();
        }
        session.persist(MessageEntity.from(message));
        ToolCallEntity.from(message).forEach(session::persist);
        session.flush();
        // the bulk update went past the session, so this loads the row as the update left it
        ConversationEntity conversation = session.find(ConversationEntity.class, message.conversationId().value());
        return new AppendResult.Appended(message, conversation.toDomain());
    }

    @Override
    public Optional<MessagePage> page(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        return sessions.fromTransaction(session -> {
            if (JpaConversationRepository.live(session, owner, conversation).isEmpty()) {
                return Optional.<List<Message>>empty();
            }
            SelectionQuery<MessageEntity> query = before.isPresent()
                    ? newestFirst(session, owner, conversation, OLDER_THAN_ANCHOR).setParameter("before", before.get().value())
                    : newestFirst(session, owner, conversation, "");
            return Optional.of(withToolCalls(session, query.setMaxResults(limit + 1).getResultList()));
        }).map(newestFirst -> new MessagePage(newestFirst.subList(0, Math.min(limit, newestFirst.size())).reversed(),
                newestFirst.size() > limit));
    }

    @Override
    public Optional<List<Message>> latest(UserId owner, ConversationId conversation, int limit) {
        return sessions.fromTransaction(session -> JpaConversationRepository.live(session, owner, conversation).isPresent()
                ? Optional.of(withToolCalls(session,
                        newestFirst(session, owner, conversation, "").setMaxResults(limit).getResultList()).reversed())
                : Optional.empty());
    }

    @Override
    public Optional<Message> findByClientMessageId(UserId owner, ConversationId conversation, String clientMessageId) {
        return sessions.fromTransaction(session -> withToolCalls(session,
                newestFirst(session, owner, conversation, " and m.clientMessageId = :clientMessageId")
                        .setParameter("clientMessageId", clientMessageId)
                        .setMaxResults(1)
                        .getResultList()))
                .stream()
                .findFirst();
    }

    @Override
    public List<Message> replies(UserId owner, ConversationId conversation, MessageId userMessage, int limit) {
        return newestWhere(owner, conversation, " and m.inReplyTo = :message and m.role = 'assistant'", userMessage, limit);
    }

    /** The same one statement as the jOOQ store: the newest message's id per conversation, then those messages' starts. */
    @Override
    public Map<ConversationId, MessagePreview> lastMessages(UserId owner, Collection<ConversationId> conversations) {
        if (conversations.isEmpty()) {
            return Map.of();
        }
        return sessions.fromTransaction(session -> session.createSelectionQuery(
                        "select m.conversationId, m.role, substring(m.content, 1, :length), m.createdAt from Message m"
                                + " where m.id in (select (select n.id from Message n where n.conversationId = c.id"
                                + " order by n.createdAt desc, n.id desc limit 1)"
                                + " from Conversation c where c.owner = :owner and c.deletedAt is null and c.id in :ids)",
                        Object[].class)
                .setParameter("length", MessagePreview.MAX_CONTENT)
                .setParameter("owner", owner.value())
                .setParameter("ids", conversations.stream().map(ConversationId::value).toList())
                .getResultList()
                .stream()
                .map(row -> new MessagePreview(new ConversationId((UUID) row[0]),
                        Role.valueOf(((String) row[1]).toUpperCase(Locale.ROOT)), (String) row[2], (Instant) row[3]))
                .collect(toMap(MessagePreview::conversationId, preview -> preview)));
    }

    @Override
    public Optional<Message> find(UserId owner, ConversationId conversation, MessageId id) {
        return newestWhere(owner, conversation, " and m.id = :message", id, 1).stream().findFirst();
    }

    @Override
    public boolean saveFeedback(UserId owner, ConversationId conversation, MessageId id, Feedback feedback) {
        return sessions.fromTransaction(session -> session.createMutationQuery("update Message m"
                        + " set m.feedbackRating = :rating, m.feedbackComment = :comment"
                        + " where m.id = :message and " + OWNED)
                .setParameter("rating", feedback.rating().wireName())
                .setParameter("comment", feedback.comment().orElse(null))
                .setParameter("message", id.value())
                .setParameter("conversation", conversation.value())
                .setParameter("owner", owner.value())
                .executeUpdate()) > 0;
    }

    @Override
    public Conversation insertAll(Conversation conversation, List<Message> messages) {
        Conversation counted = conversation.countingOnly(messages);
        sessions.inTransaction(session -> {
            session.persist(ConversationEntity.from(counted));
            for (Message message : messages) {
                session.persist(MessageEntity.from(message));
                ToolCallEntity.from(message).forEach(session::persist);
            }
        });
        return counted;
    }

    @Override
    public long eraseOwner(UserId owner) {
        return eraseWhere("c.owner = :owner", Map.of("owner", owner.value()));
    }

    @Override
    public long purge(RetentionPolicy policy, Instant now) {
        List<Integer> ownDays = sessions.fromTransaction(session -> session.createSelectionQuery(
                "select distinct c.retentionDays from Conversation c where c.retentionDays is not null", Integer.class)
                .getResultList());
        StringBuilder due = new StringBuilder("c.deletedAt < :deletedBefore");
        Map<String, Object> parameters = new HashMap<>(Map.of("deletedBefore", now.minus(policy.deleted())));
        for (int i = 0; i < ownDays.size(); i++) {
            due.append(" or (c.deletedAt is null and c.retentionDays = :days").append(i)
                    .append(" and c.updatedAt < :before").append(i).append(')');
            parameters.put("days" + i, ownDays.get(i));
            parameters.put("before" + i, RetentionPolicy.cutoff(now, ownDays.get(i)));
        }
        policy.untouched().ifPresent(untouched -> {
            due.append(" or (c.deletedAt is null and c.retentionDays is null and c.updatedAt < :untouchedBefore)");
            parameters.put("untouchedBefore", now.minus(untouched));
        });
        return eraseWhere(due.toString(), parameters);
    }

    /**
     * In batches of {@link JooqMessageRepository#ERASE_BATCH} conversations, a transaction each, each
     * batch claimed with {@code FOR UPDATE SKIP LOCKED}, until one finds nothing: like the jOOQ store.
     */
    private long eraseWhere(String condition, Map<String, Object> parameters) {
        long erased = 0;
        while (true) {
            int batch = sessions.fromTransaction(session -> eraseBatch(session, condition, parameters));
            erased += batch;
            if (batch == 0) {
                return erased;
            }
        }
    }

    private static int eraseBatch(Session session, String condition, Map<String, Object> parameters) {
        SelectionQuery<UUID> select = session.createSelectionQuery("select c.id from Conversation c where " + condition,
                UUID.class);
        parameters.forEach(select::setParameter);
        List<UUID> ids = select.setMaxResults(JooqMessageRepository.ERASE_BATCH)
                .setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        session.createMutationQuery("delete from ToolCall t where t.key.messageId in"
                        + " (select m.id from Message m where m.conversationId in :ids)")
                .setParameter("ids", ids)
                .executeUpdate();
        session.createMutationQuery("delete from Message m where m.conversationId in :ids").setParameter("ids", ids).executeUpdate();
        return session.createMutationQuery("delete from Conversation c where c.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    /** The newest {@code limit} messages matching {@code condition}, whose {@code :message} parameter is {@code message}. */
    private List<Message> newestWhere(UserId owner, ConversationId conversation, String condition, MessageId message,
                                      int limit) {
        return sessions.fromTransaction(session -> withToolCalls(session,
                newestFirst(session, owner, conversation, condition)
                        .setParameter("message", message.value())
                        .setMaxResults(limit)
                        .getResultList()));
    }

    /** The owner's live conversation's messages matching {@code condition}, newest first. */
    private static SelectionQuery<MessageEntity> newestFirst(Session session, UserId owner, ConversationId conversation,
                                                             String condition) {
        return session.createSelectionQuery("from Message m where " + OWNED + condition
                        + " order by m.createdAt desc, m.id desc", MessageEntity.class)
                .setParameter("conversation", conversation.value())
                .setParameter("owner", owner.value());
    }

    /** Attaches the tool calls of all the given (owner-checked) messages, read in one query. */
    private static List<Message> withToolCalls(Session session, List<MessageEntity> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = messages.stream().map(MessageEntity::id).toList();
        Map<UUID, List<ToolCall>> toolCalls = session.createSelectionQuery(
                        "from ToolCall t where t.key.messageId in :ids order by t.key.messageId, t.key.position",
                        ToolCallEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(groupingBy(ToolCallEntity::messageId, mapping(ToolCallEntity::toDomain, toList())));
        return messages.stream()
                .map(message -> message.toDomain(toolCalls.getOrDefault(message.id(), List.of())))
                .toList();
    }
}
