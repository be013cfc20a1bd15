package org.commonweal.platform.consultations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** A consultation's documents (PDF, ODT or DOCX up to 10 MB), kept in the database so backups hold them with the rest. */
final class Documents {
    static final long MAX_BYTES = 10L * 1024 * 1024;

    record Content(ConsultationDocument document, byte[] bytes) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    Documents(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    List<ConsultationDocument> list(long consultationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, file_name, media_type, size_bytes FROM consultation_documents WHERE consultation_id = :c ORDER BY id")
                .bind("c", consultationId).map((rs, c) -> new ConsultationDocument(rs.getLong("id"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"))).list());
    }

    Optional<Content> content(long consultationId, long documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, file_name, media_type, size_bytes, content FROM consultation_documents WHERE id = :d AND consultation_id = :c")
                .bind("d", documentId).bind("c", consultationId).map((rs, c) -> new Content(new ConsultationDocument(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getLong("size_bytes")), rs.getBytes("content"))).findOne());
    }

    /** Stores the file when its bytes are a PDF, ODT or DOCX matching its name; otherwise the message key of the problem. */
    Optional<String> add(long consultationId, String fileName, byte[] content, Actor actor) {
        if (content.length == 0) return Optional.of("consultations.error.document.empty");
        if (content.length > MAX_BYTES) return Optional.of("consultations.error.document.tooBig");
        String name = safeName(fileName);
        if (name.isEmpty()) return Optional.of("consultations.error.document.type");
        Optional<DocumentType> type = DocumentType.of(name, content);
        if (type.isEmpty()) return Optional.of("consultations.error.document.type");
        jdbi.useTransaction(h -> {
            long id = h.createUpdate("INSERT INTO consultation_documents (consultation_id, file_name, media_type, size_bytes, content) VALUES (:c, :n, :t, :s, :b)")
                    .bind("c", consultationId).bind("n", name).bind("t", type.get().mediaType).bind("s", (long) content.length).bind("b", content)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "consultation.document_added", "consultation:" + consultationId, "document:" + id + " " + name);
        });
        return Optional.empty();
    }

    boolean delete(long consultationId, long documentId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM consultation_documents WHERE id = :d AND consultation_id = :c").bind("d", documentId).bind("c", consultationId).execute();
            if (n > 0) audit.record(h, actor, "consultation.document_deleted", "consultation:" + consultationId, "document:" + documentId);
            return n > 0;
        });
    }

    /** The last path segment of the name, without control characters or quotes, at most 200 characters. */
    static String safeName(String fileName) {
        if (fileName == null) return "";
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        n = n.chars().filter(c -> !Character.isISOControl(c) && c != '"' && c != ';').collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
