package io.confab.mcp;

import io.confab.domain.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which user opened each MCP session, so a session id presented with another user's token is
 * treated as unknown. Bounded: the least recently used sessions are forgotten first.
 */
final class SessionOwners {

    private final Map<String, UserId> owners;

    SessionOwners(int capacity) {
        this.owners = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UserId> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<UserId> owner(String sessionId) {
        return Optional.ofNullable(owners.get(sessionId));
    }

    synchronized void bind(String sessionId, UserId user) {
        owners.putIfAbsent(sessionId, user);
    }

    synchronized void forget(String sessionId) {
        owners.remove(sessionId);
    }
}
