package io.confab.websocket;

import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import java.time.Duration;
import java.time.Instant;

/**
 * A token verifier for tests (the real one, JWT, lives in adapter-rest): {@code token-<user>} is
 * valid for an hour, {@code until-<epoch millis>-<user>} until that moment; anything else is invalid.
 * {@link #TICKETS} stands in for the stream tickets (adapter-rest's {@code StreamTickets}): it
 * accepts {@code ticket-<user>} only, and this verifier never does.
 */
final class FakeTokens implements TokenVerifier {

    static final TokenVerifier TICKETS = ticket -> ticket.startsWith("ticket-")
            ? new Verification.Valid(new UserId(ticket.substring(7)), Instant.now().plus(Duration.ofHours(1)))
            : new Verification.Invalid("not a ticket");

    static String ticket(String user) {
        return "ticket-" + user;
    }

    static String of(String user) {
        return "token-" + user;
    }

    static String expiringIn(Duration duration, String user) {
        return "until-" + Instant.now().plus(duration).toEpochMilli() + "-" + user;
    }

    @Override
    public Verification verify(String token) {
        if (token.startsWith("token-")) {
            return new Verification.Valid(new UserId(token.substring(6)), Instant.now().plus(Duration.ofHours(1)));
        }
        if (token.startsWith("until-")) {
            int dash = token.indexOf('-', 6);
            return new Verification.Valid(new UserId(token.substring(dash + 1)),
                    Instant.ofEpochMilli(Long.parseLong(token.substring(6, dash))));
        }
        return new Verification.Invalid("unknown token");
    }
}
