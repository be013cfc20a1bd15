package org.commonweal.platform.core.http;

import java.util.Optional;

/**
 * A photo residents see (a problem's, a budget project's delivery). The type is read from the file's first bytes (its signature), never from its name or the
 * browser's claimed type, so a renamed script or HTML page is refused and the served Content-Type is true.
 */
public record Photo(String contentType, String altText, byte[] bytes) {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ALT = 500;

    /**
     * Sends the photo as stored: its true type, never sniffed by the browser as something else, cached briefly (a photo can
     * be replaced or removed).
     */
    public void serve(io.javalin.http.Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(contentType);
        ctx.result(bytes);
    }

    /** The image type the bytes start with: JPEG, PNG or WebP; anything else is empty (see {@link ImageType}). */
    public static Optional<String> sniff(byte[] b) {
        return ImageType.sniff(b);
    }
}
