package org.commonweal.platform.core.http;

import org.jdbi.v3.core.Jdbi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CSRF tokens bound to the visitor's cookie (the session for signed-in users, an anonymous id otherwise)
 * by an HMAC under a key kept in the database, so every app instance issues and accepts the same tokens.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private final byte[] key;

    public Csrf(Jdbi jdbi) {
        String stored = Secrets.storedKey(jdbi, "csrf_key");
        this.key = Base64.getUrlDecoder().decode(stored);
    }

    public String tokenFor(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isValid(String binding, String presented) {
        return binding != null && presented != null && Secrets.constantTimeEquals(tokenFor(binding), presented);
    }
}
