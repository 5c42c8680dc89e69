package io.confab.application.usecase;

/** Why a turn failed; each adapter maps it to its status (502, 504, 503, 410, 500). */
public enum TurnFailure {
    /** The model provider failed after retries. */
    MODEL_UNAVAILABLE("model_unavailable"),
    /** The model did not answer in time. */
    MODEL_TIMEOUT("model_timeout"),
    /** The model provider rejected Confab's configuration (key, model name). */
    MODEL_MISCONFIGURED("model_misconfigured"),
    /** The store failed while the turn ran. */
    STORE_UNAVAILABLE("store_unavailable"),
    /** The conversation was deleted while the turn ran. */
    CONVERSATION_DELETED("conversation_deleted"),
    /** The instance running the turn stopped (crashed or was killed) before the turn ended. */
    INSTANCE_LOST("instance_lost"),
    /** A bug. */
    INTERNAL("internal_error");

    private final String code;

    TurnFailure(String code) {
        this.code = code;
    }

    /** The {@code code} of the {@code error} event and of problem+json. */
    public String code() {
        return code;
    }
}
