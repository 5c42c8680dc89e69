package io.confab.application.usecase;

import io.confab.domain.ErrorCode;

/** Why a turn failed; each adapter maps it to its status (502, 504, 503, 410, 500). */
public enum TurnFailure {
    /** The model provider failed after retries. */
    MODEL_UNAVAILABLE(ErrorCode.MODEL_UNAVAILABLE),
    /** The model did not answer in time. */
    MODEL_TIMEOUT(ErrorCode.MODEL_TIMEOUT),
    /** The model provider rejected Confab's configuration (key, model name). */
    MODEL_MISCONFIGURED(ErrorCode.MODEL_MISCONFIGURED),
    /** The store failed while the turn ran. */
    STORE_UNAVAILABLE(ErrorCode.STORE_UNAVAILABLE),
    /** The conversation was deleted while the turn ran. */
    CONVERSATION_DELETED(ErrorCode.CONVERSATION_DELETED),
    /** The instance running the turn stopped (crashed or was killed) before the turn ended. */
    INSTANCE_LOST(ErrorCode.INSTANCE_LOST),
    /** A bug. */
    INTERNAL(ErrorCode.INTERNAL_ERROR);

    private final ErrorCode errorCode;

    TurnFailure(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    /** Its entry in the error vocabulary. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The {@code code} of the {@code error} event and of problem+json. */
    public String code() {
        return errorCode.wireName();
    }
}
