package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Jdbi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One-click unsubscribe links that work without signing in: the link names the account and the kind of event, signed
 * with HMAC-SHA256 under a key kept in the settings table (so every app instance, and the SQL that queues mail with
 * pgcrypto's {@code hmac()}, signs alike). The signed message is {@code "<accountId>:<event>"}, hex-encoded.
 */
final class UnsubscribeLinks {
    private final String key;

    UnsubscribeLinks(Jdbi jdbi) {
        this.key = Secrets.storedKey(jdbi, "unsubscribe_key");
    }

    /** The key, for the SQL that signs links in bulk ({@code encode(hmac(account || ':' || event, :key, 'sha256'), 'hex')}). */
    String key() {
        return key;
    }

    String sign(long accountId, NotificationEvent event) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((accountId + ":" + event.stored()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean valid(long accountId, NotificationEvent event, String token) {
        return token != null && Secrets.constantTimeEquals(sign(accountId, event), token);
    }

    /** The path (without the site's base URL) that {@code sign} vouches for. */
    String path(long accountId, NotificationEvent event) {
        return "/unsubscribe?account=" + accountId + "&event=" + event.stored() + "&token=" + sign(accountId, event);
    }
}
