package io.confab.application.memory;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.domain.SearchHit;
import io.confab.domain.SearchText;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RetentionPolicy;
import java.time.Instant;
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
import java.util.stream.Stream;

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
    public List<Message> replies(UserId owner, ConversationId conversation, MessageId userMessage, int limit) {
        synchronized (conversations) {
            return history(owner, conversation).reversed().stream()
                    .filter(m -> m.role() == Role.ASSISTANT && m.inReplyTo().equals(Optional.of(userMessage)))
                    .limit(limit)
                    .toList();
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

    @Override
    public boolean saveFeedback(UserId owner, ConversationId conversation, MessageId id, Feedback feedback) {
        synchronized (conversations) {
            List<Message> history = history(owner, conversation);
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i).id().equals(id)) {
                    history.set(i, history.get(i).withFeedback(feedback));
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public Conversation insertAll(Conversation conversation, List<Message> messages) {
        Conversation counted = conversation.countingOnly(messages);
        List<Message> history = new ArrayList<>(messages);
        history.sort(CHRONOLOGICAL);
        synchronized (conversations) {
            boolean taken = byConversation.values().stream().flatMap(List::stream)
                    .anyMatch(stored -> messages.stream().anyMatch(m -> m.id().equals(stored.id())));
            if (taken) {
                throw new IllegalStateException("a message id of the import is taken");
            }
            conversations.insert(counted);
            byConversation.put(counted.id(), history);
            return counted;
        }
    }

    @Override
    public long eraseOwner(UserId owner) {
        synchronized (conversations) {
            return forget(conversations.eraseOwner(owner));
        }
    }

    @Override
    public long purge(RetentionPolicy policy, Instant now) {
        synchronized (conversations) {
            return forget(conversations.purge(policy, now));
        }
    }

    private long forget(List<ConversationId> erased) {
        erased.forEach(byConversation::remove);
        return erased.size();
    }

    /**
     * Whole-word matching: a message or title matches when its words include every word of the
     * query; the rank is how often the query's words occur in it, ties newest first.
     */
    @Override
    public List<SearchHit> search(UserId owner, String query, int limit) {
        List<String> wanted = SearchText.words(query);
        if (wanted.isEmpty()) {
            return List.of();
        }
        synchronized (conversations) {
            return conversations.live(owner).stream()
                    .flatMap(c -> Stream.concat(
                            Stream.of(ranked(c.title(), wanted, SearchHit.inTitle(c.id(), c.title(), c.createdAt()))),
                            byConversation.getOrDefault(c.id(), List.of()).stream().map(m -> ranked(m.content(), wanted,
                                    SearchHit.inMessage(c.id(), m.id(), m.role(), SearchText.snippet(m.content(), wanted),
                                            m.createdAt())))))
                    .filter(hit -> hit.rank() > 0)
                    .sorted(Comparator.comparingLong(Ranked::rank).reversed()
                            .thenComparing(hit -> hit.hit().createdAt(), Comparator.reverseOrder()))
                    .limit(limit)
                    .map(Ranked::hit)
                    .toList();
        }
    }

    /** A hit and its rank: 0 when {@code text} lacks one of the wanted words. */
    private record Ranked(SearchHit hit, long rank) {
    }

    private static Ranked ranked(String text, List<String> wanted, SearchHit hit) {
        List<String> words = SearchText.tokens(text);
        boolean all = wanted.stream().allMatch(words::contains);
        return new Ranked(hit, all ? words.stream().filter(wanted::contains).count() : 0);
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
}
