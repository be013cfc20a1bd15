package org.commonweal.platform.care;

import org.commonweal.matching.Match;
import org.commonweal.matching.Matcher;
import org.commonweal.matching.Matching;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.volunteers.VolunteerProfile;
import org.commonweal.platform.volunteers.VolunteerService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's workflow: run the matcher on the group's open requests and available volunteers, review the drafts
 * with the engine's reasons, send them as proposals; the volunteer accepts (the match is ongoing and counts against
 * their capacity) or declines, which re-matches that request without them.
 */
final class CareMatches {
    private static final String SELECT = """
            SELECT m.id, m.request_id, m.volunteer_id, a.name AS volunteer_name, m.group_id, m.status, m.cost_metres, m.reasons, m.created_at
            FROM care_matches m JOIN accounts a ON a.id = m.volunteer_id
            """;
    /** Matches that hold a request and a place in the volunteer's capacity. */
    private static final List<String> LIVE = List.of(CareMatch.DRAFT, CareMatch.PROPOSED, CareMatch.ACCEPTED);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Messages messages;
    private final AccountService accounts;
    private final CareRequests requests;
    private final CareAreas areas;
    private final VolunteerService volunteers;
    private final String baseUrl;

    CareMatches(Jdbi jdbi, AuditLog audit, Outbox outbox, Messages messages, AccountService accounts, CareRequests requests, CareAreas areas,
                VolunteerService volunteers, String baseUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.accounts = accounts;
        this.requests = requests;
        this.areas = areas;
        this.volunteers = volunteers;
        this.baseUrl = baseUrl;
    }

    /**
     * Matches the open requests of the group's area that nobody holds yet (or only {@code onlyRequest}) with the group's
     * volunteers who have room, replacing the group's earlier drafts; returns the run.
     */
    long run(long groupId, Long onlyRequest, Actor actor) {
        LocalDate today = CareFeature.today();
        Set<Long> area = areas.area(groupId);
        return jdbi.inTransaction(h -> {
            // One run at a time, whichever group: two groups may share an area, and a request has one live match.
            h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('care_match_run'))").mapTo(Integer.class).one();
            h.createUpdate("DELETE FROM care_matches WHERE group_id = :g AND status = 'draft'" + (onlyRequest == null ? "" : " AND request_id = :r"))
                    .bind("g", groupId).bind("r", onlyRequest).execute();
            Set<Long> held = new HashSet<>(h.createQuery("SELECT request_id FROM care_matches WHERE status IN (<live>)").bindList("live", LIVE)
                    .mapTo(Long.class).list());
            List<CareRequest> open = requests.inPlaces(area, List.of("open")).stream()
                    .filter(r -> !held.contains(r.id()) && (onlyRequest == null || r.id() == onlyRequest)).toList();
            List<VolunteerProfile> pool = volunteers.available(groupId, today).stream().filter(p -> p.accountId() != null && p.hasHomePoint()).toList();
            Map<Long, Integer> busy = new HashMap<>();
            h.createQuery("SELECT volunteer_id, count(*) AS n FROM care_matches WHERE status IN (<live>) GROUP BY volunteer_id").bindList("live", LIVE)
                    .map((rs, c) -> Map.entry(rs.getLong("volunteer_id"), rs.getInt("n"))).forEach(e -> busy.put(e.getKey(), e.getValue()));
            List<MatchInput.Offered> offered = pool.stream().map(p -> new MatchInput.Offered(p, p.capacity() - busy.getOrDefault(p.accountId(), 0)))
                    .filter(o -> o.room() > 0).toList();
            List<MatchInput.Asked> asked = new ArrayList<>();
            for (CareRequest r : open) asked.add(new MatchInput.Asked(r, excluded(h, r, groupId, pool), r.continuity() ? previous(h, r.id()) : null));
            MatchInput input = new MatchInput(asked, offered, this::words);
            Matching optimal = Matcher.optimal(input.instance);
            Matching greedy = Matcher.greedy(input.instance);
            long run = h.createUpdate("""
                            INSERT INTO care_match_runs (group_id, run_by, requests, volunteers, matched, total_metres, greedy_matched, greedy_metres)
                            VALUES (:g, :by, :requests, :volunteers, :matched, :total, :gm, :gt)""")
                    .bind("g", groupId).bind("by", actor.accountId()).bind("requests", open.size()).bind("volunteers", offered.size())
                    .bind("matched", optimal.matched()).bind("total", optimal.totalMetres()).bind("gm", greedy.matched()).bind("gt", greedy.totalMetres())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (Match m : optimal.matches()) {
                long request = input.request(m.request()).id(), account = input.account(m.volunteer());
                h.createUpdate("""
                                INSERT INTO care_matches (request_id, volunteer_id, group_id, run_id, status, cost_metres, reasons)
                                VALUES (:r, :v, :g, :run, 'draft', :cost, :reasons)""")
                        .bind("r", request).bind("v", account).bind("g", groupId).bind("run", run).bind("cost", Math.round(m.costKm() * 1000))
                        .bind("reasons", input.whyMatched(account, request).toArray(String[]::new)).execute();
            }
            for (String id : optimal.unmatched()) {
                long request = input.request(id).id();
                h.createUpdate("INSERT INTO care_unmatched (run_id, request_id, reasons) VALUES (:run, :r, :reasons)").bind("run", run).bind("r", request)
                        .bind("reasons", input.whyNot(request).toArray(String[]::new)).execute();
            }
            audit.record(h, actor, "care.match_run", "group:" + groupId, optimal.matched() + " of " + open.size() + " requests");
            return run;
        });
    }

    /** Who may not have the request: those who declined it, and, for a one-off request, those away that day. */
    private Set<Long> excluded(Handle h, CareRequest r, long groupId, List<VolunteerProfile> pool) {
        Set<Long> out = new HashSet<>(h.createQuery("SELECT volunteer_id FROM care_matches WHERE request_id = :r AND status = 'declined'")
                .bind("r", r.id()).mapTo(Long.class).list());
        if (!r.recurring() && !r.oneOffOn().equals(CareFeature.today())) {
            Set<Long> there = new HashSet<>();
            for (VolunteerProfile p : volunteers.available(groupId, r.oneOffOn())) there.add(p.accountId());
            for (VolunteerProfile p : pool) if (!there.contains(p.accountId())) out.add(p.accountId());
        }
        return out;
    }

    /** The volunteer of the request's last ended match: keeping them costs no travel (continuity). */
    private static Long previous(Handle h, long requestId) {
        return h.createQuery("SELECT volunteer_id FROM care_matches WHERE request_id = :r AND status = 'ended' ORDER BY id DESC LIMIT 1")
                .bind("r", requestId).mapTo(Long.class).findOne().orElse(null);
    }

    /** The words for a code the matcher compares: the same words on both sides, so the engine's reasons read as words. */
    String words(String code) {
        int colon = code.indexOf(':');
        String kind = code.substring(0, colon), value = code.substring(colon + 1);
        return switch (kind) {
            case "skill" -> messages.get("skills." + value).toLowerCase(java.util.Locale.UK);
            case "language" -> org.commonweal.platform.volunteers.Languages.name(value);
            default -> CareFeature.slotWords(messages, value);
        };
    }

    Optional<MatchRun> latestRun(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM care_match_runs WHERE group_id = :g ORDER BY id DESC LIMIT 1").bind("g", groupId)
                .map((rs, c) -> new MatchRun(rs.getLong("id"), rs.getLong("group_id"), rs.getObject("run_at", OffsetDateTime.class), rs.getInt("requests"),
                        rs.getInt("volunteers"), rs.getInt("matched"), rs.getLong("total_metres"), rs.getInt("greedy_matched"), rs.getLong("greedy_metres")))
                .findOne());
    }

    /** Why each request of the run got nobody, by request id. */
    Map<Long, List<String>> unmatched(long runId) {
        Map<Long, List<String>> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT request_id, reasons FROM care_unmatched WHERE run_id = :run ORDER BY request_id").bind("run", runId)
                .map((rs, c) -> Map.entry(rs.getLong("request_id"), CareRequests.strings(rs, "reasons"))).forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The group's matches with one of these statuses, oldest first. */
    List<CareMatch> ofGroup(long groupId, List<String> statuses) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE m.group_id = :g AND m.status IN (<s>) ORDER BY m.id").bind("g", groupId)
                .bindList("s", statuses).map((rs, c) -> match(rs)).list());
    }

    /** The volunteer's proposed and ongoing matches, newest first. */
    List<CareMatch> ofVolunteer(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE m.volunteer_id = :a AND m.status IN ('proposed', 'accepted') ORDER BY m.id DESC")
                .bind("a", accountId).map((rs, c) -> match(rs)).list());
    }

    Optional<CareMatch> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE m.id = :id").bind("id", id).map((rs, c) -> match(rs)).findOne());
    }

    /** The request's match that a volunteer is asked or has taken on (proposed or accepted). */
    Optional<CareMatch> current(long requestId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE m.request_id = :r AND m.status IN ('proposed', 'accepted')").bind("r", requestId)
                .map((rs, c) -> match(rs)).findOne());
    }

    /** Sends the group's drafts to their volunteers as proposals, each told by mail (what and where, never the needs); the number sent. */
    int send(long groupId, Actor actor) {
        return jdbi.inTransaction(h -> {
            List<CareMatch> drafts = h.createQuery(SELECT + " WHERE m.group_id = :g AND m.status = 'draft' ORDER BY m.id FOR UPDATE OF m").bind("g", groupId)
                    .map((rs, c) -> match(rs)).list();
            for (CareMatch m : drafts) {
                h.createUpdate("UPDATE care_matches SET status = 'proposed' WHERE id = :id").bind("id", m.id()).execute();
                CareRequest r = requests.find(m.requestId()).orElseThrow();
                accounts.find(m.volunteerId()).ifPresent(v -> outbox.enqueue(h, v.email(), messages.get("care.mail.proposed.subject"),
                        messages.get("care.mail.proposed.body", v.name(), messages.get("care.kind." + r.kind()), r.placeName(), baseUrl + "/care/volunteering")));
                audit.record(h, actor, "care.match_proposed", CareRequest.auditSubject(m.requestId()), "account:" + m.volunteerId());
            }
            return drafts.size();
        });
    }

    /** The volunteer takes the request on: the match is ongoing, the request matched. */
    Optional<Refusal> accept(long matchId, CurrentUser user, Actor actor) {
        return answer(matchId, user, actor, CareMatch.ACCEPTED);
    }

    /** The volunteer says no: the request is matched again at once, without them, as a draft for the coordinator to send. */
    Optional<Refusal> decline(long matchId, CurrentUser user, Actor actor) {
        Optional<Refusal> refused = answer(matchId, user, actor, CareMatch.DECLINED);
        if (refused.isEmpty()) {
            CareMatch m = find(matchId).orElseThrow();
            run(m.groupId(), m.requestId(), actor);
        }
        return refused;
    }

    private Optional<Refusal> answer(long matchId, CurrentUser user, Actor actor, String status) {
        return jdbi.inTransaction(h -> {
            Optional<CareMatch> m = h.createQuery(SELECT + " WHERE m.id = :id FOR UPDATE OF m").bind("id", matchId).map((rs, c) -> match(rs)).findOne();
            if (m.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (m.get().volunteerId() != user.id()) return Optional.of(Refusal.FORBIDDEN);
            if (!CareMatch.PROPOSED.equals(m.get().status())) return Optional.of(Refusal.ALREADY_DONE);
            h.createUpdate("UPDATE care_matches SET status = :s, answered_at = now() WHERE id = :id").bind("s", status).bind("id", matchId).execute();
            if (CareMatch.ACCEPTED.equals(status)) CareRequests.setStatus(h, m.get().requestId(), "matched");
            audit.record(h, actor, "care.match_" + status, CareRequest.auditSubject(m.get().requestId()), "account:" + user.id());
            return Optional.empty();
        });
    }

    private static CareMatch match(ResultSet rs) throws SQLException {
        return new CareMatch(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("volunteer_id"), rs.getString("volunteer_name"), rs.getLong("group_id"),
                rs.getString("status"), rs.getLong("cost_metres"), CareRequests.strings(rs, "reasons"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
