package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * Who hears about a subject. A subject's author follows it without a row (until they unfollow, which stores a row with
 * following = false); commenters follow what they comment on; anyone signed in may follow or unfollow any subject.
 */
public final class Follows {
    /** The followers of :kind/:id plus the subject's :author unless they opted out, as one SELECT of account_id. */
    static final String FOLLOWERS = """
            SELECT account_id FROM follows WHERE subject_kind = :kind AND subject_id = :id AND following
            UNION
            SELECT CAST(:author AS BIGINT) WHERE CAST(:author AS BIGINT) IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM follows WHERE subject_kind = :kind AND subject_id = :id AND account_id = CAST(:author AS BIGINT))""";

    private final Jdbi jdbi;

    Follows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Starts or stops following (an explicit choice overrides the author's default). */
    public void set(long accountId, Subject subject, boolean following) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO follows (subject_kind, subject_id, account_id, following) VALUES (:kind, :id, :a, :f)
                ON CONFLICT (subject_kind, subject_id, account_id) DO UPDATE SET following = EXCLUDED.following""")
                .bind("kind", subject.kind()).bind("id", subject.id()).bind("a", accountId).bind("f", following).execute());
    }

    /** Follows on the account's behalf (after it posts), unless it already chose either way. */
    static void byDefault(Handle h, long accountId, Subject subject) {
        h.createUpdate("""
                INSERT INTO follows (subject_kind, subject_id, account_id) VALUES (:kind, :id, :a)
                ON CONFLICT (subject_kind, subject_id, account_id) DO NOTHING""")
                .bind("kind", subject.kind()).bind("id", subject.id()).bind("a", accountId).execute();
    }

    public boolean follows(long accountId, SubjectInfo info) {
        Optional<Boolean> chosen = jdbi.withHandle(h -> h.createQuery(
                        "SELECT following FROM follows WHERE subject_kind = :kind AND subject_id = :id AND account_id = :a")
                .bind("kind", info.subject().kind()).bind("id", info.subject().id()).bind("a", accountId).mapTo(Boolean.class).findOne());
        return chosen.orElse(info.authorId() != null && info.authorId() == accountId);
    }

    /** The button's state for a viewer (null when signed out). */
    public FollowButton button(SubjectInfo info, CurrentUser viewer) {
        return new FollowButton(info.subject(), viewer != null, viewer != null && follows(viewer.id(), info));
    }
}
