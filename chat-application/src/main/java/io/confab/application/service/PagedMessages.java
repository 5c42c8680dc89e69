package io.confab.application.service;

import io.confab.application.usecase.ExportConversationUseCase.Messages;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.UserId;
import io.confab.domain.port.MessageRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A conversation's messages oldest first over the history pages, which come newest first: a first
 * walk keeps the newest page and only the cursor of each older one, iterating reads those pages
 * again oldest first. So at most two pages are held at a time, and the messages written are those
 * the first walk saw (older pages never change; the newest is the one kept).
 */
final class PagedMessages implements Messages {

    private final MessageRepository messages;
    private final UserId owner;
    private final ConversationId conversation;
    private final int pageSize;
    private final List<Message> newest;
    /** The {@code before} cursor of each older page, newest page first. */
    private final List<MessageId> olderPages;
    private final int count;

    private PagedMessages(MessageRepository messages, UserId owner, ConversationId conversation, int pageSize,
                          List<Message> newest, List<MessageId> olderPages, int count) {
        this.messages = messages;
        this.owner = owner;
        this.conversation = conversation;
        this.pageSize = pageSize;
        this.newest = newest;
        this.olderPages = olderPages;
        this.count = count;
    }

    /** The owner's live conversation's messages; empty when it is missing, deleted or someone else's. */
    static Optional<PagedMessages> read(MessageRepository messages, UserId owner, ConversationId conversation, int pageSize) {
        Optional<MessagePage> first = messages.page(owner, conversation, Optional.empty(), pageSize);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        List<MessageId> olderPages = new ArrayList<>();
        int count = first.get().items().size();
        MessagePage page = first.get();
        while (page.hasMore() && !page.items().isEmpty()) {
            MessageId before = page.items().getFirst().id();
            Optional<MessagePage> older = messages.page(owner, conversation, Optional.of(before), pageSize);
            if (older.isEmpty()) {
                return Optional.empty(); // deleted meanwhile
            }
            olderPages.add(before);
            count += older.get().items().size();
            page = older.get();
        }
        return Optional.of(new PagedMessages(messages, owner, conversation, pageSize, first.get().items(),
                List.copyOf(olderPages), count));
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public Iterator<Message> iterator() {
        return new Iterator<>() {
            private int nextOlder = olderPages.size() - 1;
            private boolean newestGiven;
            private boolean ended;
            private Iterator<Message> page = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !ended) {
                    page = nextPage();
                }
                return page.hasNext();
            }

            @Override
            public Message next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }

            private Iterator<Message> nextPage() {
                if (nextOlder >= 0) {
                    Optional<MessagePage> older = messages.page(owner, conversation, Optional.of(olderPages.get(nextOlder--)),
                            pageSize);
                    if (older.isEmpty()) {
                        ended = true; // deleted meanwhile: it ends where it was
                        return Collections.emptyIterator();
                    }
                    return older.get().items().iterator();
                }
                ended = newestGiven;
                newestGiven = true;
                return ended ? Collections.emptyIterator() : newest.iterator();
            }
        };
    }
}
