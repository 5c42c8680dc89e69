package io.confab.application.usecase;

import io.confab.domain.UserId;

/**
 * Erases everything stored of a user (SPEC §16, {@code DELETE /api/v1/me}): their conversations,
 * live or deleted, with messages, tool calls and feedback, their tasks and their audited tool calls. Other users' data is
 * untouched; erasing again erases nothing more.
 */
public interface EraseAccountUseCase {

    /** How much was erased. */
    record Erased(long conversations, long tasks) {
    }

    Erased erase(UserId owner);
}
