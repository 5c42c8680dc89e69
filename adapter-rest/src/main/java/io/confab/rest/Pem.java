package io.confab.rest;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), RSA or EC. */
final class Pem {

    private Pem() {
    }

    static PublicKey publicKey(String pem) {
        String text = pem.replace("\\n", "\n");
        if (!text.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalArgumentException("expected a PEM block -----BEGIN PUBLIC KEY-----");
        }
        String base64 = text
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM public key is not valid base64");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                FixedKey.algorithmFor(key);
                return key;
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("the PEM public key is neither RSA nor EC");
    }
}
