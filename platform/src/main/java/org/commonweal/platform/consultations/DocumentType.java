package org.commonweal.platform.consultations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The document formats a consultation may carry, recognised by their first bytes rather than by the name or the type
 * the browser claims: PDF ("%PDF-"), OpenDocument text (a ZIP whose first, stored entry "mimetype" says so, as ODF 1.2
 * part 3 section 3.3 requires) and Word DOCX (a ZIP holding word/document.xml, ECMA-376 part 2).
 */
enum DocumentType {
    PDF("pdf", "application/pdf"),
    ODT("odt", "application/vnd.oasis.opendocument.text"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    final String extension;
    final String mediaType;

    DocumentType(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The type the bytes are, when it is one we take; the name's extension must agree. */
    static Optional<DocumentType> of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Optional<DocumentType> found = sniff(content);
        return found.filter(t -> name.endsWith("." + t.extension));
    }

    static Optional<DocumentType> sniff(byte[] b) {
        if (startsWith(b, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) return Optional.of(PDF);
        if (!startsWith(b, 0, ZIP)) return Optional.empty();
        // ODF: the first local header's name is "mimetype" (at byte 30) and its stored content follows at byte 38.
        if (startsWith(b, 30, "mimetype".getBytes(StandardCharsets.US_ASCII))
                && startsWith(b, 38, ODT.mediaType.getBytes(StandardCharsets.US_ASCII))) return Optional.of(ODT);
        // DOCX: the central directory names the main part; the names are stored uncompressed, so a byte search finds them.
        if (contains(b, "word/document.xml".getBytes(StandardCharsets.US_ASCII)) && contains(b, "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return b.length >= at + prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
