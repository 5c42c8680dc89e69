package io.confab.websocket;

import java.util.Locale;

/** The {@code code} of an {@code error} frame. */
enum ErrorCode {
    /** The frame is not one JSON object (nothing may follow it). */
    MALFORMED_JSON,
    /** A field is missing or has the wrong type. */
    INVALID_REQUEST,
    /** The {@code type} is not one the server knows. */
    UNKNOWN_TYPE,
    /** A binary frame: the protocol is JSON in text frames. */
    UNSUPPORTED_FRAME,
    /** The frame is larger than the limit (64 KiB by default). */
    FRAME_TOO_LARGE,
    /** A value breaks a rule (an empty or over-long message, an over-long title). */
    VALIDATION_FAILED,
    /** The conversation is missing, deleted or someone else's. */
    NOT_FOUND,
    /** Too many turns; {@code message} says when to retry. */
    RATE_LIMITED,
    /** A message while another turn runs in the conversation; the frame names it in {@code turn_id}. */
    TURN_IN_PROGRESS,
    /** {@code cancel} while no turn runs. */
    NO_RUNNING_TURN,
    /** The server failed (the store is down); the socket stays open. */
    UNAVAILABLE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
