package io.confab.application.memory;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Messages per conversation, kept sorted by (created_at, id), for ephemeral use and tests.
 * Shares the monitor of its {@link InMemoryConversationRepository}, so an append and the counter
 * update happen as one step.
 */
public final class InMemoryMessageRepository implements MessageRepository {

    private static final Comparator<Message> CHRONOLOGICAL = Comparator
            .comparing(Message::createdAt)
            .thenComparing((a, b) -> Uuids.compare(a.id().value(), b.id().value()));

    private final InMemoryConversationRepository conversations;
    private final Map<ConversationId, List<Message>> byConversation = new HashMap<>();

    /** Messages of the conversations held by {@code conversations}. */
    public InMemoryMessageRepository(InMemoryConversationRepository conversations) {
        this.conversations = conversations;
    }

    @Override
    public AppendResult append(UserId owner, Message message) {
        synchronized (conversations) {
            Optional<Conversation> conversation = conversations.find(owner, message.conversationId());
            if (conversation.isEmpty()) {
                return new AppendResult.ConversationMissing();
            }
            List<Message> history = byConversation.computeIfAbsent(message.conversationId(), id -> new ArrayList<>());
            Optional<Message> duplicate = message.role() == Role.USER
                    ? message.clientMessageId().flatMap(key -> first(history, m -> key.equals(m.clientMessageId().orElse(null))))
                    : Optional.empty();
            if (duplicate.isPresent()) {
                return new AppendResult.Duplicate(duplicate.get());
            }
            int at = Collections.binarySearch(history, message, CHRONOLOGICAL);
            history.add(at < 0 ? -at - 1 : at, message);
            return new AppendResult.Appended(message, conversations.countAppended(conversation.get(), message));
        }
    }

    @Override
    public Optional<MessagePage> page(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        synchronized (conversations) {
            if (conversations.find(owner, conversation).isEmpty()) {
                return Optional.empty();
            }
            List<Message> history = history(owner, conversation);
            int end = before.map(id -> indexOf(history, id)).orElse(history.size());
            int start = Math.max(0, end - limit);
            return Optional.of(new MessagePage(List.copyOf(history.subList(start, end)), start > 0));
        }
    }

    @Override
    public Optional<List<Message>> latest(UserId owner, ConversationId conversation, int limit) {
        synchronized (conversations) {
            if (conversations.find(owner, conversation).isEmpty()) {
                return Optional.empty();
            }
            List<Message> history = history(owner, conversation);
            return Optional.of(List.copyOf(history.subList(Math.max(0, history.size() - limit), history.size())));
        }
    }

    @Override
    public Optional<Message> findByClientMessageId(UserId owner, ConversationId conversation, String clientMessageId) {
        synchronized (conversations) {
            return first(history(owner, conversation),
                    m -> m.role() == Role.USER && clientMessageId.equals(m.clientMessageId().orElse(null)));
        }
    }

    @Override
    public Optional<Message> findReply(UserId owner, ConversationId conversation, MessageId userMessage) {
        synchronized (conversations) {
            return newest(history(owner, conversation),
                    m -> m.role() == Role.ASSISTANT && m.inReplyTo().equals(Optional.of(userMessage)));
        }
    }

    @Override
    public Map<ConversationId, MessagePreview> lastMessages(UserId owner, Collection<ConversationId> ids) {
        synchronized (conversations) {
            Map<ConversationId, MessagePreview> last = new LinkedHashMap<>();
            for (ConversationId id : ids) {
                List<Message> history = history(owner, id);
                if (!history.isEmpty()) {
                    Message newest = history.getLast();
                    last.put(id, new MessagePreview(id, newest.role(), newest.content(), newest.createdAt()));
                }
            }
            return last;
        }
    }

    @Override
    public Optional<Message> find(UserId owner, ConversationId conversation, MessageId id) {
        synchronized (conversations) {
            return first(history(owner, conversation), m -> m.id().equals(id));
        }
    }

    private List<Message> history(UserId owner, ConversationId conversation) {
        return conversations.find(owner, conversation).isPresent()
                ? byConversation.getOrDefault(conversation, List.of())
                : List.of();
    }

    /** Position of the message {@code id}; 0 (an empty page) when it is not in this history. */
    private static int indexOf(List<Message> history, MessageId id) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).id().equals(id)) {
                return i;
            }
        }
        return 0;
    }

    private static Optional<Message> first(List<Message> history, Predicate<Message> test) {
        return history.stream().filter(test).findFirst();
    }

    private static Optional<Message> newest(List<Message> history, Predicate<Message> test) {
        return history.reversed().stream().filter(test).findFirst();
    }
}
