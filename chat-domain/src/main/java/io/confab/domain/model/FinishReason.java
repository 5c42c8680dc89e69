package io.confab.domain.model;

/** Why the model stopped producing output. */
public enum FinishReason {
    STOP, TOOL_CALLS, LENGTH, CONTENT_FILTER, OTHER
}
