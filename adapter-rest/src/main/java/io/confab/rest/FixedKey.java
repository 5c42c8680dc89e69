package io.confab.rest;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** One configured key, accepted only with its one algorithm (so an HS256 token never meets an RSA key). */
final class FixedKey extends LocatorAdapter<Key> {

    private final Key key;
    private final String algorithm;

    private FixedKey(Key key, String algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    static FixedKey hs256(Key secret) {
        return new FixedKey(secret, "HS256");
    }

    static FixedKey forPublicKey(PublicKey key) {
        return new FixedKey(key, algorithmFor(key));
    }

    /** RS256 for RSA keys, ES256 for P-256 keys; anything else is refused. */
    static String algorithmFor(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "RS256";
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return "ES256";
        }
        throw new IllegalArgumentException("the JWT public key must be RSA or EC P-256");
    }

    @Override
    protected Key locate(JwsHeader header) {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new UnsupportedJwtException("algorithm " + header.getAlgorithm() + " is not accepted");
        }
        return key;
    }
}
