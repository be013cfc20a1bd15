package org.commonweal.platform.care;

import org.commonweal.platform.core.files.OwnerOnly;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the key that seals people's care needs comes from: never the database, so a dump of it (a backup, a copy
 * handed to a developer) holds only ciphertext. {@code COMMONWEAL_CARE_KEY} (32 bytes, base64) when the operator sets
 * it, say from a secrets manager; otherwise {@code keys/care.key} in the data directory, made on first use and readable
 * by its owner only. Read lazily, so an instance that never seals or opens needs has no key file.
 */
final class CareKey {
    static final String VARIABLE = "COMMONWEAL_CARE_KEY";
    private static final int BYTES = 32;
    private final String fromEnvironment;
    private final Path file;
    private volatile SecretKey key;

    CareKey(Map<String, String> environment, Path dataDir) {
        this.fromEnvironment = environment.get(VARIABLE);
        this.file = dataDir.resolve("keys").resolve("care.key");
    }

    SecretKey get() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) key = load();
                k = key;
            }
        }
        return k;
    }

    private SecretKey load() {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) return decode(fromEnvironment, VARIABLE);
        try {
            if (!Files.exists(file)) create();
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the care key " + file, e);
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " must be " + BYTES + " bytes in base64: it is not base64");
        }
        if (bytes.length != BYTES) throw new IllegalStateException(where + " must be " + BYTES + " bytes in base64, not " + bytes.length);
        return new SecretKeySpec(bytes, "AES");
    }

    /** A new random key, written beside the file and moved into place, so two instances starting at once keep one key. */
    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        Path temporary = OwnerOnly.create(file.resolveSibling("care-" + Long.toUnsignedString(new SecureRandom().nextLong()) + ".new"));
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            Files.deleteIfExists(temporary);
        }
    }
}
