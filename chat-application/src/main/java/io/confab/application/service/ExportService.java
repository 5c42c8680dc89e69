package io.confab.application.service;

import io.confab.application.usecase.ExportConversationUseCase;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.stream.StreamSupport;

/**
 * Reads conversations for export through the owner-scoped history pages, {@link #PAGE} messages a
 * query (never a whole conversation in one); an account's export holds only its conversation ids
 * and, at any time, one conversation and at most two pages of its messages.
 */
public final class ExportService implements ExportConversationUseCase {

    /** Messages read per query. */
    static final int PAGE = 200;

    private final ConversationRepository conversations;
    private final MessageRepository messages;

    public ExportService(ConversationRepository conversations, MessageRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @Override
    public Optional<Export> export(UserId owner, ConversationId id) {
        return conversations.find(owner, id).flatMap(conversation -> PagedMessages.read(messages, owner, id, PAGE)
                .map(paged -> new Export(conversation, StreamSupport.stream(paged.spliterator(), false).toList())));
    }

    @Override
    public int exportAll(UserId owner, Visitor visitor) {
        int visited = 0;
        for (ConversationId id : liveConversations(owner)) {
            Optional<Conversation> conversation = conversations.find(owner, id);
            Optional<PagedMessages> paged = conversation.flatMap(found -> PagedMessages.read(messages, owner, id, PAGE));
            if (paged.isPresent()) {
                visitor.conversation(conversation.get(), paged.get());
                visited++;
            }
        }
        return visited;
    }

    /** The ids of the owner's live conversations, newest activity first (one moved up meanwhile is listed once). */
    private SequencedSet<ConversationId> liveConversations(UserId owner) {
        SequencedSet<ConversationId> ids = new LinkedHashSet<>();
        int offset = 0;
        while (true) {
            Page<Conversation> page = conversations.list(owner,
                    new ConversationQuery(offset, ConversationQuery.MAX_LIMIT, Optional.empty(), Optional.empty()));
            page.items().forEach(conversation -> ids.add(conversation.id()));
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return ids;
            }
        }
    }
}
