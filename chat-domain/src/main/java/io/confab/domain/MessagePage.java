package io.confab.domain;

import java.util.List;

/** One keyset page of history, oldest first; {@code hasMore} says older messages exist. */
public record MessagePage(List<Message> items, boolean hasMore) {

    public MessagePage {
        items = List.copyOf(items);
    }
}
