package org.commonweal.platform.budgets;

import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Jdbi;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The one secret that can tie a voter to a ballot. From it we derive an HMAC key that turns (pot, voter identity)
 * into an opaque voter key, and an AES-GCM key that seals the pointer from a voter key to their current
 * ballot. Nothing else in the platform reads this key, and no page or export decrypts a pointer.
 */
final class BallotKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] voterKey;
    private final byte[] pointerKey;

    BallotKeys(Jdbi jdbi) {
        String stored = Secrets.storedKey(jdbi, "ballot_key");
        byte[] master = Base64.getUrlDecoder().decode(stored);
        this.voterKey = hmac(master, "commonweal voter key");
        this.pointerKey = java.util.Arrays.copyOf(hmac(master, "commonweal ballot pointer"), 32);
    }

    String voterKey(long potId, String identity) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(voterKey, potId + ":" + identity));
    }

    /** Seals a ballot id, bound to its pot and voter key so a pointer copied to another row does not open. */
    String seal(UUID ballotId, long potId, String voterKey) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(pointerKey, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD((potId + ":" + voterKey).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(ByteBuffer.allocate(16).putLong(ballotId.getMostSignificantBits()).putLong(ballotId.getLeastSignificantBits()).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    UUID open(String pointer, long potId, String voterKey) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(pointer);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(pointerKey, "AES"), new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD((potId + ":" + voterKey).getBytes(StandardCharsets.UTF_8));
            ByteBuffer id = ByteBuffer.wrap(c.doFinal(all, 12, all.length - 12));
            return new UUID(id.getLong(), id.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot pointer failed authentication: the ballot key or the row was changed", e);
        }
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
