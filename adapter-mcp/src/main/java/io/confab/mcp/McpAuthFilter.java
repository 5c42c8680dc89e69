package io.confab.mcp;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TokenVerifier;
import io.confab.json.JsonValues;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Guards the MCP endpoint: rejects foreign browser origins (403), requires a valid bearer JWT
 * (401 with {@code WWW-Authenticate}), keeps each session to the user who opened it (another
 * user's or an unknown session id is 404), checks the request as the transport spec asks
 * ({@link TransportCheck}), and hands the token's user to the transport as a request attribute.
 * Errors of the transport itself reach the client as plain JSON-RPC errors ({@link SafeErrorResponse}).
 */
final class McpAuthFilter implements Filter {

    static final String USER_ATTRIBUTE = "io.confab.mcp.user";
    /** The request's correlation id (echoed or new), which the calls it carries log with. */
    static final String CORRELATION_ATTRIBUTE = "io.confab.mcp.correlation_id";

    private static final String CORRELATION_HEADER = "X-Correlation-ID";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final McpServerSettings settings;
    private final SessionOwners sessions = new SessionOwners(100_000);

    McpAuthFilter(TokenVerifier verifier, McpServerSettings settings) {
        this.verifier = verifier;
        this.settings = settings;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String origin = request.getHeader("Origin");
        if (!settings.allowsOrigin(origin)) {
            problem(request, response, 403, "Forbidden", "forbidden_origin", "origin " + origin + " is not allowed");
            return;
        }
        Optional<UserId> user = authenticate(request, response);
        if (user.isEmpty()) {
            return;
        }
        String sessionId = request.getHeader(TransportCheck.SESSION_HEADER);
        switch (TransportCheck.check(request, id -> sessions.owner(id).filter(user.get()::equals).isPresent())) {
            case TransportCheck.Verdict.Refuse refuse -> refuse.error().write(response);
            case TransportCheck.Verdict.Pass pass -> {
                HttpServletRequest checked = pass.body()
                        .<HttpServletRequest>map(body -> new ReplayedRequest(request, body))
                        .orElse(request);
                checked.setAttribute(USER_ATTRIBUTE, user.get());
                String correlationId = correlationId(request);
                checked.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
                response.setHeader(CORRELATION_HEADER, correlationId);
                SafeErrorResponse safe = new SafeErrorResponse(sessionId == null
                        ? new SessionBindingResponse(response, sessions, user.get()) : response);
                chain.doFilter(checked, safe);
                safe.finish();
                if (sessionId != null && "DELETE".equals(request.getMethod())) {
                    sessions.forget(sessionId);
                }
            }
        }
    }

    private Optional<UserId> authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"confab\"");
            problem(request, response, 401, "Unauthorized", "unauthorized", "a bearer token is required");
            return Optional.empty();
        }
        return switch (verifier.verify(header.substring(BEARER.length()).strip())) {
            case TokenVerifier.Verification.Valid valid -> Optional.of(valid.user());
            case TokenVerifier.Verification.Invalid invalid -> {
                response.setHeader("WWW-Authenticate",
                        "Bearer realm=\"confab\", error=\"invalid_token\", error_description=\""
                                + invalid.reason().replace("\"", "'") + "\"");
                problem(request, response, 401, "Unauthorized", "invalid_token", invalid.reason());
                yield Optional.empty();
            }
        };
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
                                String code, String detail) throws IOException {
        String correlationId = correlationId(request);
        byte[] body = JsonValues.write(JsonValue.object(
                "type", JsonValue.of("about:blank"),
                "title", JsonValue.of(title),
                "status", JsonValue.of(status),
                "detail", JsonValue.of(detail),
                "code", JsonValue.of(code),
                "correlation_id", JsonValue.of(correlationId))).getBytes(StandardCharsets.UTF_8);
        drain(request);
        response.setStatus(status);
        response.setHeader(CORRELATION_HEADER, correlationId);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The client's {@code X-Correlation-ID} when it is sensible, else a new one. */
    private static String correlationId(HttpServletRequest request) {
        return Optional.ofNullable(request.getHeader(CORRELATION_HEADER))
                .filter(id -> !id.isBlank() && id.length() <= 128)
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    /**
     * Reads a refused request's body (up to the SDK's limit) and drops it: a response that leaves
     * it unread makes Jetty close the connection under a client that would reuse it.
     */
    private static void drain(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > TransportCheck.MAX_BODY) {
            return; // Jetty closes this connection anyway
        }
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        long left = TransportCheck.MAX_BODY;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }
}
