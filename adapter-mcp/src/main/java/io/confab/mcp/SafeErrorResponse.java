package io.confab.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.OptionalInt;

/**
 * The response handed to the SDK's transport: an error it answers by itself (its bodies are a
 * serialized exception with a stack trace, or the container's error page) is dropped and replaced
 * by a plain {@link JsonRpcError} with the same status once the transport returns.
 */
final class SafeErrorResponse extends HttpServletResponseWrapper {

    private OptionalInt refused = OptionalInt.empty();

    SafeErrorResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int status) {
        refused = OptionalInt.of(status);
    }

    @Override
    public void sendError(int status, String message) {
        refused = OptionalInt.of(status);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (getStatus() >= 400) {
            refused = OptionalInt.of(getStatus());
            return new PrintWriter(Writer.nullWriter());
        }
        return super.getWriter();
    }

    /** Writes the plain error in place of the transport's, if it refused the request. */
    void finish() throws IOException {
        if (refused.isPresent()) {
            JsonRpcError.forStatus(refused.getAsInt()).write((HttpServletResponse) getResponse());
        }
    }
}
