package io.confab.mcp;

import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import java.time.Instant;

/** Accepts {@code token-<user>} as that user's token; anything else is invalid. */
final class TestVerifier implements TokenVerifier {

    static String tokenOf(UserId user) {
        return "token-" + user.value();
    }

    @Override
    public Verification verify(String token) {
        return token.startsWith("token-")
                ? new Verification.Valid(new UserId(token.substring("token-".length())), Instant.MAX)
                : new Verification.Invalid("token is not valid");
    }
}
