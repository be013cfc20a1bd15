package org.commonweal.platform.core.http;

/**
 * The photo field as posted: its size, and its bytes when the size is within {@link Photo#MAX_BYTES} (an oversized
 * file is never read into memory). A form without a file has no PhotoUpload at all.
 */
public record PhotoUpload(long size, byte[] bytes) {
    public boolean tooLarge() {
        return bytes == null;
    }

    /** The posted file in {@code field}, if one was chosen; an oversized one is measured, not read. */
    public static PhotoUpload read(io.javalin.http.Context ctx, String field) throws java.io.IOException {
        io.javalin.http.UploadedFile file = ctx.uploadedFile(field);
        if (file == null || file.size() == 0) return null;
        if (file.size() > Photo.MAX_BYTES) return new PhotoUpload(file.size(), null);
        try (java.io.InputStream in = file.content()) {
            return new PhotoUpload(file.size(), in.readAllBytes());
        }
    }
}
