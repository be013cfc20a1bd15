package org.commonweal.platform.core.http;

import java.util.Optional;

/**
 * A photo residents see (a problem's, a budget project's delivery, a library story's). The type is read from the file's first bytes (its signature), never from its name or the
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

    /**
     * The photo posted in {@code field} (its {@link PhotoUpload}, null when none was chosen) with its alt text in
     * {@code altField}, checked for a form that adds a photo: there must be one, JPEG, PNG or WebP by its first bytes, at
     * most {@link #MAX_BYTES}, described in 1 to {@link #MAX_ALT} characters. Errors go on those fields (messages
     * {@code photo.error.*}); empty when any was found.
     */
    public static Optional<Photo> accept(Form form, PhotoUpload upload, String field, String altField) {
        String type = null;
        if (upload == null) form.error(field, "photo.error.missing");
        else if (upload.tooLarge()) form.error(field, "photo.error.tooLarge");
        else {
            type = sniff(upload.bytes()).orElse(null);
            if (type == null) form.error(field, "photo.error.type");
        }
        String alt = form.requireText(altField, MAX_ALT, "photo.error.alt.required", "photo.error.alt.tooLong");
        if (type == null || form.errorKey(altField) != null) return Optional.empty();
        return Optional.of(new Photo(type, alt, upload.bytes()));
    }

    /** The image type the bytes start with: JPEG, PNG or WebP; anything else is empty (see {@link ImageType}). */
    public static Optional<String> sniff(byte[] b) {
        return ImageType.sniff(b);
    }
}
