package io.confab.websocket;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Keeps WebSocket upgrades from creating HTTP sessions (SPEC §18). Javalin 7 copies the session's
 * attributes on every upgrade with {@code request.getSession()}, which makes Jetty create a session
 * (and a {@code JSESSIONID} cookie) that never expires: one per upgrade, refused ones included.
 * Behind this filter that call gets an empty session that exists nowhere; Confab keeps no state in
 * HTTP sessions.
 */
final class SessionlessUpgrades implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new WithoutNewSessions((HttpServletRequest) request), response);
    }

    /** A request that finds an existing session but never creates one. */
    private static final class WithoutNewSessions extends HttpServletRequestWrapper {

        WithoutNewSessions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession existing = super.getSession(false);
            return existing != null || !create ? existing : new NoSession(getServletContext());
        }
    }

    /** An empty session, stored nowhere and without a cookie; it accepts no attributes. */
    private static final class NoSession implements HttpSession {

        private final ServletContext context;
        private final long createdAt = System.currentTimeMillis();

        NoSession(ServletContext context) {
            this.context = context;
        }

        @Override
        public long getCreationTime() {
            return createdAt;
        }

        @Override
        public String getId() {
            return "";
        }

        @Override
        public long getLastAccessedTime() {
            return createdAt;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            // nothing is kept, so nothing expires
        }

        @Override
        public int getMaxInactiveInterval() {
            return 0;
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public void setAttribute(String name, Object value) {
            throw new UnsupportedOperationException("WebSocket upgrades have no HTTP session");
        }

        @Override
        public void removeAttribute(String name) {
            // it holds no attributes
        }

        @Override
        public void invalidate() {
            // it holds nothing
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }
}
