package org.commonweal.platform.consultations;

/** A consultation's document as listed (without its bytes). */
public record ConsultationDocument(long id, String fileName, String mediaType, long size) {
    public String sizeText() {
        return size >= 1024 * 1024 ? (size * 10 / (1024 * 1024)) / 10.0 + " MB" : Math.max(1, size / 1024) + " KB";
    }
}
