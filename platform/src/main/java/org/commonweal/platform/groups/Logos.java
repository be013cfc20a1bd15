package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ImageType;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * A group's logo: a JPEG, PNG or WebP image of at most {@link #MAX_BYTES} (its type read from its first bytes) with a
 * text alternative, which a logo must have. Kept in the group's row and served from {@code /groups/{id}/logo}.
 */
final class Logos {
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ALT = 300;

    record Logo(String contentType, byte[] bytes) {
    }

    /** The posted file: its size, and its bytes when within {@link #MAX_BYTES} (a larger one is never read into memory). */
    record Upload(long size, byte[] bytes) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    Logos(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    Optional<Logo> find(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT logo_type, logo FROM groups WHERE id = :g AND logo IS NOT NULL").bind("g", groupId)
                .map((rs, c) -> new Logo(rs.getString("logo_type"), rs.getBytes("logo"))).findOne());
    }

    /**
     * Replaces the logo (when a file is posted), changes its text alternative, or removes it ({@code removeLogo}); a
     * file that is too large or not an image, or a logo without its text, is refused on its field and nothing changes.
     */
    Optional<Refusal> save(Group group, Upload upload, Form form, Actor actor) {
        boolean remove = "yes".equals(form.value("removeLogo"));
        String alt = form.value("logoAlt").strip();
        form.set("logoAlt", alt);
        String type = null;
        if (!remove && upload != null) {
            if (upload.bytes() == null) form.error("logo", "groups.error.logo.tooLarge", MAX_BYTES / 1024);
            else type = ImageType.sniff(upload.bytes()).orElse(null);
            if (upload.bytes() != null && type == null) form.error("logo", "groups.error.logo.type");
        }
        if (!remove && upload == null && !group.hasLogo()) form.error("logo", "groups.error.logo.required");
        if (!remove && alt.isEmpty()) form.error("logoAlt", "groups.error.logo.alt");
        else if (alt.length() > MAX_ALT) form.error("logoAlt", "groups.error.logo.altTooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        String contentType = type;
        jdbi.useTransaction(h -> {
            if (remove) {
                h.createUpdate("UPDATE groups SET logo = NULL, logo_type = NULL, logo_alt = NULL, updated_at = now() WHERE id = :g").bind("g", group.id()).execute();
            } else if (upload != null) {
                h.createUpdate("UPDATE groups SET logo = :b, logo_type = :t, logo_alt = :a, updated_at = now() WHERE id = :g")
                        .bind("b", upload.bytes()).bind("t", contentType).bind("a", alt).bind("g", group.id()).execute();
            } else {
                h.createUpdate("UPDATE groups SET logo_alt = :a, updated_at = now() WHERE id = :g").bind("a", alt).bind("g", group.id()).execute();
            }
            audit.record(h, actor, remove ? "group.logo_removed" : "group.logo_saved", "group:" + group.id(), contentType == null ? "" : contentType);
        });
        return Optional.empty();
    }
}
