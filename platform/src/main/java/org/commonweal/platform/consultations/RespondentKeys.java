package org.commonweal.platform.consultations;

import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Jdbi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Turns (consultation, respondent) into an opaque key with an HMAC under a secret kept in the settings table. The key is
 * all an anonymous response keeps of who gave it: enough to stop a second response and to let its author edit it, while
 * the tables, pages and exports hold no account id for it.
 */
final class RespondentKeys {
    private final byte[] key;

    RespondentKeys(Jdbi jdbi) {
        String stored = Secrets.storedKey(jdbi, "consultation_respondent_key");
        this.key = Base64.getUrlDecoder().decode(stored);
    }

    String forAccount(long consultationId, long accountId) {
        return hmac(consultationId + ":account:" + accountId);
    }

    String forOrganisation(long consultationId, long organisationId) {
        return hmac(consultationId + ":organisation:" + organisationId);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
