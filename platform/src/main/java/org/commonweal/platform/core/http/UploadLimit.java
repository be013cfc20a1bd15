package org.commonweal.platform.core.http;

import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one cap on a request body that carries files. A request that announces more is refused before any of it is read;
 * one that lies, or streams without a length, is cut off by Jetty's multipart parser at the same cap. Parts above
 * {@link #IN_MEMORY_BYTES} are spooled to a directory of this server's own, and Jetty deletes them when the request ends.
 * Routes keep their own smaller per-file limits (a photo, a document) with field errors.
 */
public final class UploadLimit implements AutoCloseable {
    /** Small parts (form fields, a short CSV) stay in memory; anything bigger goes to disk, not the heap. */
    static final int IN_MEMORY_BYTES = 256 * 1024;
    private final long maxBytes;
    private final Path spool;

    public UploadLimit(long maxBytes) {
        if (maxBytes <= 0) throw new IllegalArgumentException("upload cap must be positive");
        this.maxBytes = maxBytes;
        try {
            this.spool = Files.createTempDirectory("commonweal-uploads-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for uploads in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Where parts too big for memory wait while their request is handled; empty between requests. */
    public Path spool() {
        return spool;
    }

    /** The cap in whole megabytes, as the error page names it. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    public void configure(MultipartConfig multipart) {
        multipart.cacheDirectory(spool.toString());
        multipart.maxFileSize(maxBytes, SizeUnit.BYTES);
        multipart.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
        multipart.maxInMemoryFileSize(IN_MEMORY_BYTES, SizeUnit.BYTES);
    }

    /** Removes the spool directory (and anything an aborted request left in it) when the server stops. */
    @Override
    public void close() throws IOException {
        try (var left = Files.list(spool)) {
            for (Path p : left.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(spool);
    }

    /** A request whose Content-Length is over the cap: answered 413 without reading the body. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * What a failed multipart parse was. Jetty reports both a cap exceeded mid-stream and a garbled body as a
     * {@code ServletException} wrapping {@code BadMessageException(400, "bad multipart")}; underneath, the cap shows as
     * an {@code IllegalStateException("max length exceeded: N")} (or "max file size exceeded", "max parts exceeded").
     */
    public enum Failure {
        TOO_LARGE, MALFORMED, NONE;

        public static Failure of(Throwable thrown) {
            boolean multipart = false;
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof org.eclipse.jetty.http.BadMessageException) multipart = true;
                if (multipart && t instanceof IllegalStateException && t.getMessage() != null
                        && t.getMessage().startsWith("max ") && t.getMessage().contains(" exceeded")) return TOO_LARGE;
            }
            return multipart ? MALFORMED : NONE;
        }
    }

    /** Whether the request's Content-Length already says it is over the cap (no header: the parser enforces it). */
    public boolean announcedTooLarge(Context ctx) {
        return ctx.req().getContentLengthLong() > maxBytes;
    }
}
