package org.commonweal.platform.core.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens for cookies and links, the one-way hash under which we store them, and the platform's stored keys. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * The random key kept in the settings table under {@code name}, made by whichever instance asks first: every app
     * instance then signs and checks with the same key, and a restart keeps it.
     */
    public static String storedKey(org.jdbi.v3.core.Jdbi jdbi, String name) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING")
                    .bind("k", name).bind("v", newToken()).execute();
            return h.createQuery("SELECT value FROM settings WHERE key = :k").bind("k", name).mapTo(String.class).one();
        });
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
