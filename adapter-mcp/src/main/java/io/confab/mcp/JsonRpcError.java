package io.confab.mcp;

import io.confab.domain.json.JsonValue;
import io.confab.json.JsonValues;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A transport error of {@code /mcp} as the MCP streamable-HTTP spec has it: an HTTP status and a
 * JSON-RPC error object with a fixed, plain message (never an exception's text or class name).
 */
record JsonRpcError(int status, int code, String message, JsonValue id) {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** The server-defined codes the MCP SDKs use for transport refusals. */
    static final int BAD_REQUEST = -32000;
    static final int SESSION_NOT_FOUND = -32001;

    static JsonRpcError of(int status, int code, String message) {
        return new JsonRpcError(status, code, message, JsonValue.Null.INSTANCE);
    }

    /** What to answer when the SDK itself refused a request with {@code status}. */
    static JsonRpcError forStatus(int status) {
        return switch (status) {
            case 404 -> of(404, SESSION_NOT_FOUND, "Session not found");
            case 405 -> of(405, BAD_REQUEST, "Method not allowed");
            case 413 -> of(413, BAD_REQUEST, "Request body too large");
            case 503 -> of(503, INTERNAL_ERROR, "The MCP server is shutting down; try again");
            default -> status >= 500 ? of(status, INTERNAL_ERROR, "Internal error")
                    : of(status, INVALID_REQUEST, "Invalid request");
        };
    }

    void write(HttpServletResponse response) throws IOException {
        byte[] body = JsonValues.write(JsonValue.object(
                "jsonrpc", JsonValue.of("2.0"),
                "id", id,
                "error", JsonValue.object("code", JsonValue.of(code), "message", JsonValue.of(message))))
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
