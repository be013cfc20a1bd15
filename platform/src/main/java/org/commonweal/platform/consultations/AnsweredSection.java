package org.commonweal.platform.consultations;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.groups.GroupSection;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A group's page section "Consultations answered": the published consultations the group answered as itself, newest first. */
final class AnsweredSection {
    private static final int SHOWN = 10;
    private final Jdbi jdbi;

    AnsweredSection(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<GroupSection> section(long groupId, Messages messages) {
        var entries = jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id, c.title, r.submitted_at FROM consultation_responses r JOIN consultations c ON c.id = r.consultation_id
                        WHERE r.organisation_id = :g AND c.status <> 'draft' ORDER BY r.submitted_at DESC, c.id DESC LIMIT :n""")
                .bind("g", groupId).bind("n", SHOWN)
                .map((rs, x) -> new GroupSection.Entry(rs.getString("title"), ConsultationIndex.url(rs.getLong("id")),
                        messages.get("consultations.group.answeredOn", messages.date(rs.getObject("submitted_at", OffsetDateTime.class))))).list());
        return Optional.of(new GroupSection("consultations.group.answered", entries));
    }
}
