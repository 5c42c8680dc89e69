package io.confab.domain.port;

import io.confab.domain.UserId;
import java.time.Instant;

/**
 * Checks a bearer token (a JWT) and says whose it is. Implemented once (adapter-rest, jjwt) and
 * handed by bootstrap to every adapter that authenticates: REST, WebSocket, MCP.
 */
@FunctionalInterface
public interface TokenVerifier {

    /** What a token proved. */
    sealed interface Verification {
        /** A valid token of {@code user}, valid until {@code expiresAt}. */
        record Valid(UserId user, Instant expiresAt) implements Verification {
        }

        /** Expired, malformed, badly signed, wrong issuer/audience or algorithm. */
        record Invalid(String reason) implements Verification {
        }
    }

    Verification verify(String token);
}
