package io.confab.mcp;

import io.confab.domain.json.JsonValue;
import io.confab.json.JsonValues;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a {@code /mcp} request the way the streamable-HTTP spec asks, before the SDK sees it, so
 * every refusal is a {@link JsonRpcError} with the spec's status: 406 for an {@code Accept} without
 * the needed types, 415 for a body that is not JSON, 400 with -32700 for bad JSON, -32600 for a
 * message that is not JSON-RPC, -32602 for params that are not an object, 400 for a missing
 * session id (anything but {@code initialize}) and 404 for a session that is not the caller's.
 */
final class TransportCheck {

    /** The SDK's own limit on a request body. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private static final String JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";

    /** What to do with a request: refuse it, or pass it on (a POST with the body already read). */
    sealed interface Verdict {
        /** Answer with this error; the SDK never sees the request. */
        record Refuse(JsonRpcError error) implements Verdict {
        }

        /** Hand on; {@code body} is what was read from a POST (empty for GET and DELETE). */
        record Pass(Optional<byte[]> body) implements Verdict {
        }
    }

    private TransportCheck() {
    }

    /** {@code ownSession} tells whether a session id belongs to the caller. */
    static Verdict check(HttpServletRequest request, Predicate<String> ownSession) throws IOException {
        String session = request.getHeader(SESSION_HEADER);
        return switch (request.getMethod()) {
            case "POST" -> post(request, session, ownSession);
            case "GET" -> !accepts(request, EVENT_STREAM)
                    ? refuse(406, JsonRpcError.BAD_REQUEST, "Not Acceptable: Accept must include text/event-stream")
                    : session(session, ownSession).orElse(new Verdict.Pass(Optional.empty()));
            case "DELETE" -> session(session, ownSession).orElse(new Verdict.Pass(Optional.empty()));
            default -> refuse(405, JsonRpcError.BAD_REQUEST, "Method not allowed: use POST, GET or DELETE");
        };
    }

    /**
     * The body is read before any refusal: a response that leaves it unread makes Jetty close the
     * connection, and a client that reuses its kept-alive connection then meets a reset.
     */
    private static Verdict post(HttpServletRequest request, String session, Predicate<String> ownSession)
            throws IOException {
        Optional<byte[]> body = read(request);
        if (body.isEmpty()) {
            return refuse(413, JsonRpcError.BAD_REQUEST, "Request body too large");
        }
        if (!accepts(request, JSON) || !accepts(request, EVENT_STREAM)) {
            return refuse(406, JsonRpcError.BAD_REQUEST,
                    "Not Acceptable: Accept must include application/json and text/event-stream");
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            return refuse(415, JsonRpcError.BAD_REQUEST, "Unsupported Media Type: Content-Type must be application/json");
        }
        JsonValue message;
        try {
            message = JsonValues.parse(new String(body.get(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return refuse(400, JsonRpcError.PARSE_ERROR, "Parse error: the body is not valid JSON");
        }
        if (!(message instanceof JsonValue.Obj object)) {
            return refuse(400, message instanceof JsonValue.Null ? JsonRpcError.PARSE_ERROR : JsonRpcError.INVALID_REQUEST,
                    message instanceof JsonValue.Null ? "Parse error: the body is empty"
                            : "Invalid Request: the body must be one JSON-RPC message (an object)");
        }
        JsonValue id = object.get("id").filter(TransportCheck::isId).orElse(JsonValue.Null.INSTANCE);
        Optional<String> invalid = invalid(object);
        if (invalid.isPresent()) {
            return new Verdict.Refuse(new JsonRpcError(400, JsonRpcError.INVALID_REQUEST, invalid.get(), id));
        }
        if (object.get("params").filter(params -> !(params instanceof JsonValue.Obj)).isPresent()) {
            return new Verdict.Refuse(new JsonRpcError(400, JsonRpcError.INVALID_PARAMS,
                    "Invalid params: params must be an object", id));
        }
        if (object.string("method").filter("initialize"::equals).isPresent()) {
            return new Verdict.Pass(body);
        }
        return session(session, ownSession).orElse(new Verdict.Pass(body));
    }

    /** Why the object is not a JSON-RPC 2.0 request, notification or response, if it is not. */
    private static Optional<String> invalid(JsonValue.Obj message) {
        if (!message.string("jsonrpc").filter("2.0"::equals).isPresent()) {
            return Optional.of("Invalid Request: jsonrpc must be \"2.0\"");
        }
        if (message.get("id").filter(id -> !isId(id)).isPresent()) {
            return Optional.of("Invalid Request: id must be a string or a number");
        }
        Optional<JsonValue> method = message.get("method");
        if (method.isPresent() && !(method.get() instanceof JsonValue.Str)) {
            return Optional.of("Invalid Request: method must be a string");
        }
        if (method.isEmpty() && message.get("result").isEmpty() && message.get("error").isEmpty()) {
            return Optional.of("Invalid Request: a message needs a method, a result or an error");
        }
        return Optional.empty();
    }

    private static Optional<Verdict> session(String session, Predicate<String> ownSession) {
        if (session == null || session.isBlank()) {
            return Optional.of(refuse(400, JsonRpcError.BAD_REQUEST, "Bad Request: Mcp-Session-Id header is required"));
        }
        if (!ownSession.test(session)) {
            return Optional.of(refuse(404, JsonRpcError.SESSION_NOT_FOUND, "Session not found"));
        }
        return Optional.empty();
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
    }

    private static boolean isId(JsonValue id) {
        return id instanceof JsonValue.Str || id instanceof JsonValue.Num;
    }

    /** The body, or empty when it is over {@link #MAX_BODY}. */
    private static Optional<byte[]> read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? Optional.empty() : Optional.of(body);
        }
    }

    private static Verdict refuse(int status, int code, String message) {
        return new Verdict.Refuse(JsonRpcError.of(status, code, message));
    }
}
