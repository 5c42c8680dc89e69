package io.confab.rest;

import io.confab.domain.ErrorCode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, to requests no route saw (a URI over the size limit, a malformed
 * URI or path segment, headers too large): problem+json with a code and a correlation id, like
 * every other error, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message,
                                    Throwable cause, Callback callback) {
        String correlationId = Correlation.choose(request.getHeaders().get(Correlation.HEADER));
        ByteBuffer body = answer(status, correlationId, response.getHeaders());
        response.write(true, body, callback);
    }

    /** A request Jetty refused while parsing it: no request exists, so the id is always new. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return answer(status, Correlation.choose(null), fields);
    }

    private static ByteBuffer answer(int status, String correlationId, HttpFields.Mutable headers) {
        Problem problem = problem(status);
        problem.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, ErrorMapping.PROBLEM_JSON);
        headers.put(Correlation.HEADER, correlationId);
        SecurityHeaders.addTo(headers);
        return ByteBuffer.wrap(Json.bytes(ErrorMapping.body(problem, correlationId)));
    }

    private static Problem problem(int status) {
        return switch (status) {
            case 400 -> Problem.badRequest(ErrorCode.BAD_REQUEST, "The request is malformed (for example its URI or a path segment).");
            case 414 -> Problem.of(414, ErrorCode.URI_TOO_LONG, "URI too long", "The request URI is over the size limit.");
            case 431 -> Problem.of(431, ErrorCode.HEADERS_TOO_LARGE, "Request headers too large",
                    "The request headers are over the size limit.");
            case 503 -> Problem.unavailable(ErrorCode.SERVER_UNAVAILABLE, "The server cannot take this request now; try again shortly.");
            case 500 -> Problem.of(500, ErrorCode.INTERNAL_ERROR, "Internal server error",
                    "Something went wrong on our side; the correlation id identifies it in the logs.");
            default -> Problem.of(status, ErrorCode.HTTP_ERROR, HttpStatus.getMessage(status), HttpStatus.getMessage(status) + ".");
        };
    }
}
