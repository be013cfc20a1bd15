package org.commonweal.platform.consultations;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents are recognised by their bytes, and the name must agree; shares and means are exact. */
class DocumentTypeTest {
    private static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                byte[] content = e.equals("mimetype") ? DocumentType.ODT.mediaType.getBytes(StandardCharsets.US_ASCII) : "<x/>".getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry(e);
                if (e.equals("mimetype")) {
                    // ODF stores the mimetype entry first and uncompressed.
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setCrc(crc.getValue());
                }
                z.putNextEntry(entry);
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void pdfOdtAndDocxAreRecognisedByTheirBytes() throws Exception {
        assertThat(DocumentType.of("plan.pdf", "%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII))).contains(DocumentType.PDF);
        assertThat(DocumentType.of("plan.odt", zip("mimetype", "content.xml"))).contains(DocumentType.ODT);
        assertThat(DocumentType.of("plan.DOCX", zip("[Content_Types].xml", "word/document.xml"))).contains(DocumentType.DOCX);
    }

    @Test
    void otherBytesOrAMismatchedNameAreRefused() throws Exception {
        assertThat(DocumentType.of("plan.pdf", "<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentType.of("plan.docx", zip("content.xml"))).as("a zip that is no document").isEmpty();
        assertThat(DocumentType.of("plan.docx", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).as("the name must agree").isEmpty();
        assertThat(DocumentType.of("plan.odt", zip("content.xml", "mimetype"))).as("mimetype must come first").isEmpty();
        assertThat(DocumentType.of("x.pdf", new byte[0])).isEmpty();
        assertThat(Documents.safeName("../../etc/\"passwd\".pdf")).isEqualTo("passwd.pdf");
    }

    @Test
    void sharesAndMeansRoundHalfUpWithoutFloatingPoint() {
        assertThat(Analysis.share(1, 3)).isEqualTo("33.3%");
        assertThat(Analysis.share(2, 3)).isEqualTo("66.7%");
        assertThat(Analysis.share(0, 0)).isEqualTo("0.0%");
        assertThat(Analysis.share(1, 8)).isEqualTo("12.5%");
        assertThat(Analysis.decimal(7, 3)).isEqualTo("2.33");
        assertThat(Analysis.decimal(5, 2)).isEqualTo("2.50");
        assertThat(Analysis.decimal(1, 200)).isEqualTo("0.01");
    }
}
