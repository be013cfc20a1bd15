package org.commonweal.platform.care;

import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Help requests: asking (for oneself, or for someone with their consent), the person confirming consent, and the
 * sealed care needs, opened only for those allowed to read them and audited each time someone other than the person
 * does. Nothing here puts the needs in a mail, a log line, search or open data.
 */
final class CareRequests {
    static final String VIEWED = "care.needs_viewed";
    private static final String SELECT = """
            SELECT r.id, r.person_id, r.person_name, r.asker_id, a.name AS asker_name, r.relationship, r.consent, r.consent_given_on,
                   r.consent_confirmed_at, r.kind, r.skills, r.one_off_on, r.slots, r.place_id, p.name AS place_name, r.lat, r.lon,
                   r.languages, r.gender_preference, r.continuity, r.safeguarding, r.needs_sealed IS NOT NULL AS has_needs, r.status, r.created_at
            FROM care_requests r JOIN places p ON p.id = r.place_id LEFT JOIN accounts a ON a.id = r.asker_id
            """;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final AccountService accounts;
    private final Outbox outbox;
    private final Messages messages;
    private final SealedNeeds sealed;
    private final String baseUrl;

    CareRequests(Jdbi jdbi, AuditLog audit, AccountService accounts, Outbox outbox, Messages messages, SealedNeeds sealed, String baseUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.sealed = sealed;
        this.baseUrl = baseUrl;
    }

    /**
     * Stores a checked request: one's own is open at once; one made for someone who confirms in their account waits for
     * them (they are mailed); one whose consent the asker recorded is open, and the person, if they have an account, is
     * told by mail. Empty, with an error on the form, when the person to confirm has no account under that address.
     */
    Optional<Long> create(RequestForm.Draft d, Form form, CurrentUser user, Actor actor) {
        Optional<Account> person = d.forSelf() ? accounts.find(user.id()) : d.personEmail().isEmpty() ? Optional.empty() : accounts.findByEmail(d.personEmail());
        if ("in_account".equals(d.consent()) && person.isEmpty()) {
            form.error("personEmail", "care.error.personEmail.noAccount");
            return Optional.empty();
        }
        String status = "in_account".equals(d.consent()) ? "awaiting_consent" : "open";
        String personName = d.forSelf() ? user.name() : d.personName();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO care_requests (person_id, person_name, asker_id, relationship, consent, consent_given_on, kind, skills,
                                                       one_off_on, slots, place_id, lat, lon, languages, gender_preference, continuity,
                                                       safeguarding, status)
                            VALUES (:person, :personName, :asker, :relationship, :consent, :consentOn, :kind, :skills, :oneOff, :slots, :place,
                                    :lat, :lon, :languages, :gender, :continuity, :safeguarding, :status)""")
                    .bind("person", person.map(Account::id).orElse(null)).bind("personName", personName).bind("asker", user.id())
                    .bind("relationship", d.forSelf() ? "self" : d.relationship()).bind("consent", d.consent()).bind("consentOn", d.consentGivenOn())
                    .bind("kind", d.kind()).bind("skills", d.skills().toArray(String[]::new)).bind("oneOff", d.oneOffOn())
                    .bind("slots", d.slots().toArray(String[]::new)).bind("place", d.placeId()).bind("lat", d.lat()).bind("lon", d.lon())
                    .bind("languages", d.languages().toArray(String[]::new)).bind("gender", d.genderPreference()).bind("continuity", d.continuity())
                    .bind("safeguarding", d.safeguarding()).bind("status", status)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (!d.needs().isEmpty()) {
                h.createUpdate("UPDATE care_requests SET needs_sealed = :n WHERE id = :id").bind("n", sealed.seal(id, d.needs())).bind("id", id).execute();
            }
            audit.record(h, actor, "care.request_created", CareRequest.auditSubject(id), d.forSelf() ? "for themselves" : "for someone, consent " + d.consent());
            if (!d.forSelf()) person.ifPresent(p -> tell(h, p, id, user.name(), d));
            return id;
        }));
    }

    /** The person is asked to confirm, or told their consent was recorded; never what the request says about their needs. */
    private void tell(Handle h, Account person, long id, String askerName, RequestForm.Draft d) {
        String link = baseUrl + CareRequest.url(id);
        if ("in_account".equals(d.consent())) {
            outbox.enqueue(h, person.email(), messages.get("care.mail.confirm.subject"), messages.get("care.mail.confirm.body", person.name(), askerName, link));
        } else {
            outbox.enqueue(h, person.email(), messages.get("care.mail.recorded.subject"), messages.get("care.mail.recorded.body", person.name(), askerName,
                    messages.get("care.mail.how." + d.consent()), CareDates.day(d.consentGivenOn()), link));
        }
    }

    Optional<CareRequest> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id).map((rs, c) -> request(rs)).findOne());
    }

    List<CareRequest> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.id = ANY(:ids) ORDER BY r.id").bind("ids", ids.toArray(Long[]::new))
                .map((rs, c) -> request(rs)).list());
    }

    /** The requests the account is helped by or asked, newest first. */
    List<CareRequest> mine(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.person_id = :a OR r.asker_id = :a ORDER BY r.id DESC").bind("a", accountId)
                .map((rs, c) -> request(rs)).list());
    }

    /** Requests in these places with a status of these, oldest first (first come, first listed). */
    List<CareRequest> inPlaces(Collection<Long> places, List<String> statuses) {
        if (places.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE r.place_id = ANY(:places) AND r.status IN (<statuses>) ORDER BY r.id")
                .bind("places", places.toArray(Long[]::new)).bindList("statuses", statuses).map((rs, c) -> request(rs)).list());
    }

    /** The person confirms that someone may ask for help for them; the request opens. */
    Optional<Refusal> confirmConsent(long id, CurrentUser user, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<CareRequest> r = h.createQuery(SELECT + " WHERE r.id = :id FOR UPDATE OF r").bind("id", id).map((rs, c) -> request(rs)).findOne();
            if (r.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (r.get().personId() == null || r.get().personId() != user.id()) return Optional.of(Refusal.FORBIDDEN);
            if (!"awaiting_consent".equals(r.get().status())) return Optional.of(Refusal.ALREADY_DONE);
            h.createUpdate("UPDATE care_requests SET status = 'open', consent_confirmed_at = now() WHERE id = :id").bind("id", id).execute();
            audit.record(h, actor, "care.consent_confirmed", CareRequest.auditSubject(id), "");
            return Optional.empty();
        });
    }

    /**
     * The care needs, opened for {@code viewer}, whom the caller has found allowed to read them. A view by anyone but
     * the person themselves is written to the audit log, in the same transaction as the read.
     */
    Optional<String> needs(CareRequest r, CurrentUser viewer, Actor actor) {
        if (!r.hasNeeds()) return Optional.empty();
        return jdbi.inTransaction(h -> {
            byte[] value = h.createQuery("SELECT needs_sealed FROM care_requests WHERE id = :id").bind("id", r.id()).mapTo(byte[].class).one();
            if (r.personId() == null || r.personId() != viewer.id()) audit.record(h, actor, VIEWED, CareRequest.auditSubject(r.id()), "");
            return Optional.of(sealed.open(r.id(), value));
        });
    }

    /** Who read the request's care needs and when, oldest first (the person's own views are not recorded). */
    List<AuditLog.Entry> lookers(long id) {
        return audit.about(CareRequest.auditSubject(id), VIEWED);
    }

    static void setStatus(Handle h, long id, String status) {
        h.createUpdate("UPDATE care_requests SET status = :s WHERE id = :id").bind("s", status).bind("id", id).execute();
    }

    private static CareRequest request(ResultSet rs) throws SQLException {
        return new CareRequest(rs.getLong("id"), rs.getObject("person_id", Long.class), rs.getString("person_name"), rs.getObject("asker_id", Long.class),
                rs.getString("asker_name"), rs.getString("relationship"), rs.getString("consent"), rs.getObject("consent_given_on", LocalDate.class),
                rs.getObject("consent_confirmed_at", OffsetDateTime.class), rs.getString("kind"), strings(rs, "skills"),
                rs.getObject("one_off_on", LocalDate.class), strings(rs, "slots"), rs.getLong("place_id"), rs.getString("place_name"),
                rs.getDouble("lat"), rs.getDouble("lon"), strings(rs, "languages"), rs.getString("gender_preference"), rs.getBoolean("continuity"),
                rs.getString("safeguarding"), rs.getBoolean("has_needs"), rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
