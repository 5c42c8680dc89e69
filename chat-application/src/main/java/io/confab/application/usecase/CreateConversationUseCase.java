package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.UserId;

/** Starts a new, empty conversation for a user. */
public interface CreateConversationUseCase {

    /** @throws io.confab.domain.ValidationException when the title is too long */
    Conversation create(UserId owner, String title);
}
