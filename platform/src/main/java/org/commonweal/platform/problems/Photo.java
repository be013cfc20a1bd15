package org.commonweal.platform.problems;

import java.util.Optional;

/**
 * A problem's photo. The type is read from the file's first bytes (its signature), never from its name or the
 * browser's claimed type, so a renamed script or HTML page is refused and the served Content-Type is true.
 */
public record Photo(String contentType, String altText, byte[] bytes) {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ALT = 500;

    /** The image type the bytes start with: JPEG, PNG or WebP; anything else is empty (see {@link org.commonweal.platform.core.http.ImageType}). */
    public static Optional<String> sniff(byte[] b) {
        return org.commonweal.platform.core.http.ImageType.sniff(b);
    }
}
