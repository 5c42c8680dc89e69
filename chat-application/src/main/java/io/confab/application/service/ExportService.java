package io.confab.application.service;

import io.confab.application.usecase.ExportConversationUseCase;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a conversation for export through the owner-scoped history pages, {@link #PAGE} messages a
 * query (never the whole conversation in one), newest page first.
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
        Optional<Conversation> conversation = conversations.find(owner, id);
        if (conversation.isEmpty()) {
            return Optional.empty();
        }
        List<List<Message>> newestPageFirst = new ArrayList<>();
        Optional<MessageId> before = Optional.empty();
        while (true) {
            Optional<MessagePage> page = messages.page(owner, id, before, PAGE);
            if (page.isEmpty()) {
                return Optional.empty(); // deleted meanwhile
            }
            newestPageFirst.add(page.get().items());
            if (!page.get().hasMore() || page.get().items().isEmpty()) {
                break;
            }
            before = Optional.of(page.get().items().getFirst().id());
        }
        List<Message> oldestFirst = newestPageFirst.reversed().stream().flatMap(List::stream).toList();
        return Optional.of(new Export(conversation.get(), oldestFirst));
    }
}
