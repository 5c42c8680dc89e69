package io.confab.application.usecase;

import io.confab.domain.ErrorCode;
import io.confab.domain.Message;
import io.confab.domain.TurnId;
import java.time.Duration;

/** How a blocking turn ended, or why it never started. */
public sealed interface TurnOutcome {

    /** A turn that ran (or was found already run, for a repeated client_message_id). */
    sealed interface Finished extends TurnOutcome {
        Message userMessage();

        Message assistantMessage();
    }

    record Completed(Message userMessage, Message assistantMessage) implements Finished {
    }

    /** Stopped by the user; the assistant message is stored as {@code interrupted}. */
    record Cancelled(Message userMessage, Message assistantMessage) implements Finished {
    }

    /** The user message is stored; the assistant message is stored as {@code failed}. */
    record Failed(Message userMessage, Message assistantMessage, TurnFailure failure, String detail)
            implements Finished {
    }

    /** The conversation is missing, deleted or someone else's. */
    record NotFound() implements TurnOutcome {
    }

    /** The user started too many turns; nothing was stored. */
    record RateLimited(Duration retryAfter) implements TurnOutcome {
    }

    /**
     * A turn is still running in the conversation: another message's, or this client_message_id's
     * on another instance; nothing was stored.
     */
    record InProgress(TurnId turn) implements TurnOutcome {
        /** The error code every adapter answers this with (SPEC §12). */
        public static final ErrorCode CODE = ErrorCode.TURN_IN_PROGRESS;
    }
}
