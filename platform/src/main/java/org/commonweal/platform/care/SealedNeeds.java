package org.commonweal.platform.care;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Seals a request's care needs with AES-GCM: a fresh random 96-bit nonce per value, stored before the ciphertext, and
 * the request's id as associated data, so a sealed value copied onto another request's row does not open there.
 */
final class SealedNeeds {
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private final CareKey key;
    private final SecureRandom random = new SecureRandom();

    SealedNeeds(CareKey key) {
        this.key = key;
    }

    byte[] seal(long requestId, String needs) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, requestId);
            byte[] sealed = c.doFinal(needs.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal care needs", e);
        }
    }

    /** The needs; an error when the value was not sealed for this request or with this key (tampered, moved, or another key). */
    String open(long requestId, byte[] sealed) {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE), requestId);
            return new String(c.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("care needs of request " + requestId + " do not open with this key (wrong key, or the value was altered or moved)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open care needs", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long requestId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(("care_requests:" + requestId).getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
