package io.confab.domain;

import java.util.Locale;

/**
 * Every error {@code code} a client can see, in one vocabulary for every transport: the
 * {@code code} of problem+json (REST), of WebSocket {@code error} frames, and of a turn's
 * {@code error} event (SSE and WebSocket). The wire form is the lower-case name.
 */
public enum ErrorCode {
    // the request itself
    /** The body or frame is not one JSON object (nothing may follow it). */
    MALFORMED_JSON,
    /** A field is missing or has the wrong type, or the request is malformed otherwise. */
    INVALID_REQUEST,
    /** A value breaks a rule (an empty or over-long message, an over-long title, …); fields are listed. */
    VALIDATION_FAILED,
    /** A query, path or request parameter is not what the route takes (an integer, an id, a cursor). */
    BAD_PARAMETER,
    /** {@code Last-Event-ID} is not {@code <turn>:<seq>}. */
    BAD_LAST_EVENT_ID,
    /** A request or WebSocket frame {@code type} the server does not know (a ChatKit request type, say). */
    UNKNOWN_TYPE,
    /** A binary WebSocket frame: the protocol is JSON in text frames. */
    UNSUPPORTED_FRAME,
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The body is over the size limit. */
    PAYLOAD_TOO_LARGE,
    /** The WebSocket frame is over the size limit. */
    FRAME_TOO_LARGE,
    /** The request URI is over the size limit. */
    URI_TOO_LONG,
    /** The request headers are over the size limit. */
    HEADERS_TOO_LARGE,
    /** The server could not read the request (for example its URI or headers). */
    BAD_REQUEST,
    /** The route does not take this method. */
    METHOD_NOT_ALLOWED,
    /** Any other HTTP error the server's HTTP layer answers by itself. */
    HTTP_ERROR,

    // who asks
    /** No bearer token (nor ticket). */
    MISSING_TOKEN,
    /** The token (or ticket) is forged, expired or not for this server. */
    INVALID_TOKEN,
    /** A stream ticket ({@code ?ticket=}) that is expired, forged or not a ticket. */
    INVALID_TICKET,
    /** The path names another user than the token's. */
    FORBIDDEN,
    /** A cross-origin preflight from an origin CONFAB_CORS_ORIGINS does not list. */
    ORIGIN_NOT_ALLOWED,

    // what is asked for
    /** The resource is missing, deleted or another user's (existence is not revealed). */
    NOT_FOUND,
    /** No turn to follow in the conversation. */
    NO_TURN,
    /** {@code cancel} while no turn runs. */
    NO_RUNNING_TURN,
    /** A message while another turn runs in the conversation; the answer names it in {@code turn_id}. */
    TURN_IN_PROGRESS,
    /** Too many turns; the answer says when to retry. */
    RATE_LIMITED,

    // the server and its dependencies
    /** The database cannot be reached; try again. */
    STORE_UNAVAILABLE,
    /** The shared event log cannot be reached; try again. */
    EVENT_LOG_UNAVAILABLE,
    /** The server cannot take the request now (starting, stopping, overloaded); try again. */
    SERVER_UNAVAILABLE,
    /** A bug; the detail is in the server's log under the correlation id. */
    INTERNAL_ERROR,

    // how a turn failed
    /** The model provider failed after retries. */
    MODEL_UNAVAILABLE,
    /** The model did not answer in time. */
    MODEL_TIMEOUT,
    /** The model provider rejected Confab's configuration (key, model name). */
    MODEL_MISCONFIGURED,
    /** The conversation was deleted while its turn ran. */
    CONVERSATION_DELETED,
    /** The instance running the turn stopped before the turn ended. */
    INSTANCE_LOST;

    /** The {@code code} on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
