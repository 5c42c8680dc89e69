package io.confab.mcp;

import io.confab.domain.UserId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response to an {@code initialize}: the session id the transport sets on it is bound to the
 * caller at that moment, before any byte of the answer leaves, so the client's very next request
 * (which carries the id) already finds the session its own.
 */
final class SessionBindingResponse extends HttpServletResponseWrapper {

    private final SessionOwners sessions;
    private final UserId user;

    SessionBindingResponse(HttpServletResponse response, SessionOwners sessions, UserId user) {
        super(response);
        this.sessions = sessions;
        this.user = user;
    }

    @Override
    public void setHeader(String name, String value) {
        bindIfSession(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        bindIfSession(name, value);
        super.addHeader(name, value);
    }

    private void bindIfSession(String name, String value) {
        if (TransportCheck.SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
            sessions.bind(value, user);
        }
    }
}
