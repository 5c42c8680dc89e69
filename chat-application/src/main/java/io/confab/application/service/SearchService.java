package io.confab.application.service;

import io.confab.application.usecase.SearchUseCase;
import io.confab.domain.SearchHit;
import io.confab.domain.port.MessageRepository;
import java.util.List;

/** Searches the user's messages and titles through the message store, which scopes by owner. */
public final class SearchService implements SearchUseCase {

    private final MessageRepository messages;

    public SearchService(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public List<SearchHit> search(Search search) {
        return messages.search(search.owner(), search.text(), search.limit());
    }
}
