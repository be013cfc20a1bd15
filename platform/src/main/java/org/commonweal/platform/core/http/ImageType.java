package org.commonweal.platform.core.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of an uploaded image, read from its first bytes (its signature), never from its name or the browser's
 * claimed type, so a renamed script or HTML page is refused and the served Content-Type is true. Every feature taking
 * images (a problem's photo, a group's logo) asks here.
 */
public final class ImageType {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private ImageType() {
    }

    /** The image type the bytes start with: JPEG, PNG or WebP; anything else is empty. */
    public static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0, JPEG)) return Optional.of("image/jpeg");
        if (startsWith(b, 0, PNG)) return Optional.of("image/png");
        if (startsWith(b, 0, RIFF) && startsWith(b, 8, WEBP)) return Optional.of("image/webp");
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int at, byte[] signature) {
        return b.length >= at + signature.length && Arrays.equals(b, at, at + signature.length, signature, 0, signature.length);
    }
}
