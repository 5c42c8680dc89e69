package io.confab.application.service;

import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.Replies;
import io.confab.domain.Role;
import io.confab.domain.UserId;
import io.confab.domain.port.MessageRepository;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Pages through the history of one of the user's live conversations (keyset, oldest first in a page), current replies only. */
public final class ListMessagesService implements ListMessagesUseCase {

    private final MessageRepository messages;

    public ListMessagesService(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Optional<MessagePage> list(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        int checked = ListMessagesUseCase.checkLimit(limit);
        return messages.page(owner, conversation, before, checked)
                .map(page -> new MessagePage(current(owner, conversation, page.items(), before.isPresent()), page.hasMore()));
    }

    @Override
    public Optional<List<Message>> versions(UserId owner, ConversationId conversation, MessageId message) {
        return messages.find(owner, conversation, message).map(named -> named.role() == Role.USER
                ? texts(owner, conversation, named)
                : named.inReplyTo().map(question -> messages.replies(owner, conversation, question, MAX_VERSIONS).reversed())
                        .orElse(List.of(named)));
    }

    /**
     * The texts of a user message, oldest first: back through what each edit replaced, then forward
     * through the edits of it among the latest messages (only the latest user message can be edited).
     */
    private List<Message> texts(UserId owner, ConversationId conversation, Message named) {
        Deque<Message> chain = new ArrayDeque<>(List.of(named));
        while (chain.getFirst().isEdit() && chain.size() < MAX_VERSIONS) {
            Optional<Message> replaced = messages.find(owner, conversation, chain.getFirst().inReplyTo().orElseThrow());
            if (replaced.isEmpty()) {
                break;
            }
            chain.addFirst(replaced.get());
        }
        List<Message> latest = messages.latest(owner, conversation, MAX_LIMIT).orElse(List.of());
        for (Message later : latest) {
            if (later.isEdit() && later.inReplyTo().orElseThrow().equals(chain.getLast().id())) {
                chain.addLast(later);
            }
        }
        return List.copyOf(chain);
    }

    /**
     * The page's messages without superseded replies. The newest message of an older page may be
     * superseded by a reply on a newer one: that one is checked against the store.
     */
    private List<Message> current(UserId owner, ConversationId conversation, List<Message> items, boolean olderPage) {
        List<Message> kept = Replies.current(items);
        if (olderPage && !kept.isEmpty() && kept.getLast().role() == Role.ASSISTANT) {
            Message newest = kept.getLast();
            boolean superseded = newest.inReplyTo()
                    .flatMap(question -> messages.findReply(owner, conversation, question))
                    .filter(reply -> !reply.id().equals(newest.id()))
                    .isPresent();
            return superseded ? kept.subList(0, kept.size() - 1) : kept;
        }
        return kept;
    }
}
