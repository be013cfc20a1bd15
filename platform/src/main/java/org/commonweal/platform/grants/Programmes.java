package org.commonweal.platform.grants;

import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Officers set up grants programmes (pot, criteria, places and themes, dates) and appoint residents to their panel. */
final class Programmes {
    static final String[] FIELDS = {"title", "description", "pot", "minAward", "maxAward", "place", "themes", "opensOn", "closesOn", "decisionsBy", "criteria"};
    private static final int MAX_CRITERIA = 20;
    private static final String SELECT = """
            SELECT g.*, p.name AS place_name FROM grant_programmes g JOIN places p ON p.id = g.place_id""";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final AccountService accounts;

    Programmes(Jdbi jdbi, AuditLog audit, PlaceService places, AccountService accounts) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.accounts = accounts;
    }

    Optional<Programme> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Programme> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE g.id = :id").bind("id", id).map((rs, c) -> programme(h, rs)).findOne();
    }

    /** Every programme, open ones first, then by closing day. */
    List<Programme> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY g.closes_on < (now() AT TIME ZONE 'Europe/London')::date, g.closes_on, g.id")
                .map((rs, c) -> programme(h, rs)).list());
    }

    private static Programme programme(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Programme.Criterion> criteria = h.createQuery("SELECT id, name, weight, guidance FROM grant_criteria WHERE programme_id = :id ORDER BY position")
                .bind("id", id).map((r, c) -> new Programme.Criterion(r.getLong("id"), r.getString("name"), r.getInt("weight"), r.getString("guidance"))).list();
        return new Programme(id, rs.getString("title"), rs.getString("description"), rs.getString("currency"), rs.getLong("pot"),
                rs.getLong("min_award"), rs.getLong("max_award"), rs.getLong("place_id"), rs.getString("place_name"),
                Arrays.asList((String[]) rs.getArray("themes").getArray()), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), rs.getObject("decisions_by", LocalDate.class),
                (Long) rs.getObject("budget_process_id"), (Long) rs.getObject("budget_pot_id"), criteria);
    }

    /** The programme's fields as the officer's form gives them (checked: each error is on the form). */
    private record Fields(String title, String description, Long pot, Long min, Long max, Long place, List<String> themes,
                          LocalDate opens, LocalDate closes, LocalDate decisions, List<Programme.Criterion> criteria) {
    }

    private Fields read(Form form) {
        String title = form.requireText("title", 200, "grants.error.title.required", "grants.error.title.tooLong");
        String description = form.requireText("description", 5000, "grants.error.description.required", "grants.error.description.tooLong");
        Long pot = money(form, "pot");
        Long min = money(form, "minAward");
        Long max = money(form, "maxAward");
        if (min != null && max != null && max < min) form.error("maxAward", "grants.error.maxBelowMin");
        if (max != null && pot != null && max > pot) form.error("maxAward", "grants.error.maxOverPot");
        Optional<Long> place = parseId(form.value("place")).filter(p -> places.find(p).isPresent());
        if (place.isEmpty()) form.error("place", "error.place.unknown");
        List<String> themes = new ArrayList<>();
        for (String t : form.value("themes").split(",")) if (!t.isBlank()) themes.add(t.strip());
        if (!Proposal.THEMES.containsAll(themes)) form.error("themes", "grants.error.themes");
        LocalDate opens = form.date("opensOn", "grants.error.date");
        LocalDate closes = form.date("closesOn", "grants.error.date");
        LocalDate decisions = form.date("decisionsBy", "grants.error.date");
        if (opens != null && closes != null && closes.isBefore(opens)) form.error("closesOn", "grants.error.closesBeforeOpens");
        if (closes != null && decisions != null && decisions.isBefore(closes)) form.error("decisionsBy", "grants.error.decisionsBeforeClose");
        List<Programme.Criterion> criteria = criteria(form);
        return new Fields(title, description, pot, min, max, place.orElse(null), themes, opens, closes, decisions, criteria);
    }

    /** Creates a programme from the officer's form; empty, with the form's errors, when anything is wrong (nothing stored). */
    Optional<Long> create(Form form, Actor actor) {
        Fields f = read(form);
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO grant_programmes (title, description, pot, min_award, max_award, place_id, themes, opens_on, closes_on,
                                                          decisions_by, created_by)
                            VALUES (:title, :description, :pot, :min, :max, :place, :themes, :opens, :closes, :decisions, :by)""")
                    .bind("title", f.title()).bind("description", f.description()).bind("pot", f.pot()).bind("min", f.min()).bind("max", f.max())
                    .bind("place", f.place()).bindArray("themes", String.class, f.themes().toArray(String[]::new)).bind("opens", f.opens())
                    .bind("closes", f.closes()).bind("decisions", f.decisions()).bind("by", actor.accountId())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 0; i < f.criteria().size(); i++) insertCriterion(h, id, i, f.criteria().get(i));
            audit.record(h, actor, "grants.programme.created", "grant-programme:" + id, f.title() + " " + Money.format(f.pot(), "GBP"));
            return id;
        }));
    }

    private static void insertCriterion(Handle h, long programmeId, int position, Programme.Criterion c) {
        h.createUpdate("INSERT INTO grant_criteria (programme_id, position, name, weight, guidance) VALUES (:p, :i, :n, :w, :g)")
                .bind("p", programmeId).bind("i", position).bind("n", c.name()).bind("w", c.weight()).bind("g", c.guidance()).execute();
    }

    /** The programme as its form's values, for the officer to change. */
    static Form form(Programme p) {
        StringBuilder criteria = new StringBuilder();
        for (Programme.Criterion c : p.criteria()) {
            criteria.append(c.name()).append(" | ").append(c.weight()).append(c.guidance().isEmpty() ? "" : " | " + c.guidance()).append('\n');
        }
        return Form.empty().set("title", p.title()).set("description", p.description()).set("pot", Money.plain(p.pot(), p.currency()))
                .set("minAward", Money.plain(p.minAward(), p.currency())).set("maxAward", Money.plain(p.maxAward(), p.currency()))
                .set("place", String.valueOf(p.placeId())).set("themes", String.join(",", p.themes())).set("opensOn", p.opensOn().toString())
                .set("closesOn", p.closesOn().toString()).set("decisionsBy", p.decisionsBy().toString()).set("criteria", criteria.toString().strip());
    }

    /**
     * Changes a programme. Besides the rules of a new one: the pot never drops below what has been awarded, nor changes
     * once residents decide it; once groups have applied the closing day cannot move into the past nor the opening day
     * after today. Criteria are matched by name: new names are added and missing ones removed, but a criterion someone
     * has scored keeps its name and weight (re-weighting after the scores are known would change the ranking) and is
     * never removed; its guidance may still be clarified. Nothing is stored when anything is refused.
     */
    Optional<Refusal> update(long programmeId, Form form, Actor actor) {
        Fields f = read(form);
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM grant_programmes WHERE id = :p FOR UPDATE").bind("p", programmeId).mapTo(Long.class).one();
            Programme now = find(h, programmeId).orElseThrow();
            long awarded = Assessment.awarded(h, programmeId);
            if (f.pot() < awarded) form.error("pot", "grants.error.edit.potBelowAwarded", now.money(awarded));
            else if (now.handedToResidents() && f.pot() != now.pot()) form.error("pot", "grants.error.edit.potWithResidents");
            boolean applied = h.createQuery("SELECT EXISTS (SELECT 1 FROM grant_applications WHERE programme_id = :p)").bind("p", programmeId)
                    .mapTo(Boolean.class).one();
            LocalDate today = Applications.today();
            if (applied && !f.closes().equals(now.closesOn()) && f.closes().isBefore(today)) {
                form.error("closesOn", "grants.error.edit.closesInPast", today);
            }
            if (applied && !f.opens().equals(now.opensOn()) && f.opens().isAfter(today)) form.error("opensOn", "grants.error.edit.opensLater");
            Map<Integer, Long> kept = keptCriteria(h, now, f.criteria(), form);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                            UPDATE grant_programmes SET title = :title, description = :description, pot = :pot, min_award = :min, max_award = :max,
                                   place_id = :place, themes = :themes, opens_on = :opens, closes_on = :closes, decisions_by = :decisions
                            WHERE id = :id""")
                    .bind("title", f.title()).bind("description", f.description()).bind("pot", f.pot()).bind("min", f.min()).bind("max", f.max())
                    .bind("place", f.place()).bindArray("themes", String.class, f.themes().toArray(String[]::new)).bind("opens", f.opens())
                    .bind("closes", f.closes()).bind("decisions", f.decisions()).bind("id", programmeId).execute();
            // Positions are unique per programme: move every criterion out of the way before numbering them again.
            h.createUpdate("UPDATE grant_criteria SET position = -1 - position WHERE programme_id = :p").bind("p", programmeId).execute();
            h.createUpdate("DELETE FROM grant_criteria WHERE programme_id = :p AND NOT (id = ANY(:kept))").bind("p", programmeId)
                    .bindArray("kept", Long.class, kept.values().toArray(Long[]::new)).execute();
            for (int i = 0; i < f.criteria().size(); i++) {
                Programme.Criterion c = f.criteria().get(i);
                if (!kept.containsKey(i)) {
                    insertCriterion(h, programmeId, i, c);
                    continue;
                }
                h.createUpdate("UPDATE grant_criteria SET position = :i, name = :n, weight = :w, guidance = :g WHERE id = :id")
                        .bind("i", i).bind("n", c.name()).bind("w", c.weight()).bind("g", c.guidance()).bind("id", kept.get(i)).execute();
            }
            audit.record(h, actor, "grants.programme.updated", "grant-programme:" + programmeId, f.title() + " " + now.money(f.pot()));
            return Optional.<Refusal>empty();
        });
    }

    /**
     * Which of the form's criteria (by line) are the programme's existing ones (by id), matched by name ignoring case;
     * errors on the form when a scored criterion would be re-weighted or removed, or a name is given twice.
     */
    private static Map<Integer, Long> keptCriteria(Handle h, Programme p, List<Programme.Criterion> wanted, Form form) {
        Set<Long> scored = new HashSet<>(h.createQuery("""
                        SELECT DISTINCT s.criterion_id FROM grant_scores s JOIN grant_criteria c ON c.id = s.criterion_id WHERE c.programme_id = :p""")
                .bind("p", p.id()).mapTo(Long.class).list());
        Map<String, Programme.Criterion> existing = new HashMap<>();
        for (Programme.Criterion c : p.criteria()) existing.put(c.name().toLowerCase(Locale.ROOT), c);
        Map<Integer, Long> kept = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            Programme.Criterion c = wanted.get(i);
            String key = c.name().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                form.error("criteria", "grants.error.criteria.duplicate", c.name());
                return kept;
            }
            Programme.Criterion old = existing.get(key);
            if (old == null) continue;
            if (scored.contains(old.id()) && old.weight() != c.weight()) {
                form.error("criteria", "grants.error.edit.scoredWeight", old.name(), old.weight());
                return kept;
            }
            kept.put(i, old.id());
        }
        for (Programme.Criterion old : p.criteria()) {
            if (scored.contains(old.id()) && !kept.containsValue(old.id())) {
                form.error("criteria", "grants.error.edit.scoredRemoved", old.name());
                return kept;
            }
        }
        return kept;
    }

    private static Long money(Form form, String field) {
        Optional<Long> amount = Money.parse(form.value(field), "GBP");
        if (amount.isEmpty()) form.error(field, "grants.error.amount");
        return amount.orElse(null);
    }

    /** One criterion a line, "name | weight | guidance" (the guidance may be left out); an error names the line. */
    static List<Programme.Criterion> criteria(Form form) {
        List<Programme.Criterion> out = new ArrayList<>();
        String[] lines = form.value("criteria").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\|", 3);
            String name = parts[0].strip();
            Integer weight = parts.length < 2 ? null : parseWeight(parts[1].strip());
            if (name.isEmpty() || name.length() > 200 || weight == null) {
                form.error("criteria", "grants.error.criterion", i + 1);
                return out;
            }
            out.add(new Programme.Criterion(0, name, weight, parts.length < 3 ? "" : parts[2].strip()));
        }
        if (out.isEmpty()) form.error("criteria", "grants.error.criteria.required");
        else if (out.size() > MAX_CRITERIA) form.error("criteria", "grants.error.criteria.tooMany", MAX_CRITERIA);
        return out;
    }

    private static Integer parseWeight(String text) {
        try {
            int w = Integer.parseInt(text);
            return w >= 1 && w <= 100 ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The residents on the programme's panel, by name. */
    List<Account> panel(long programmeId) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM grant_panel WHERE programme_id = :p ORDER BY appointed_at, account_id")
                .bind("p", programmeId).mapTo(Long.class).list());
        return ids.stream().map(accounts::find).flatMap(Optional::stream).toList();
    }

    boolean onPanel(long programmeId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM grant_panel WHERE programme_id = :p AND account_id = :a)")
                .bind("p", programmeId).bind("a", accountId).mapTo(Boolean.class).one());
    }

    /** Appoints the resident with this email address to the programme's panel. */
    Optional<Refusal> appoint(long programmeId, Form form, Actor actor) {
        String email = form.value("email").strip();
        form.set("email", email);
        Optional<Account> account = email.isEmpty() ? Optional.empty() : accounts.findByEmail(email);
        if (account.isEmpty()) {
            form.error("email", "grants.error.panel.unknown");
            return Optional.of(Refusal.INVALID);
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO grant_panel (programme_id, account_id) VALUES (:p, :a) ON CONFLICT DO NOTHING")
                    .bind("p", programmeId).bind("a", account.get().id()).execute();
            audit.record(h, actor, "grants.panel.appointed", "grant-programme:" + programmeId, "account:" + account.get().id());
        });
        return Optional.empty();
    }

    /**
     * What removing a resident from the panel does: their scores on applications still open to scoring go (the ranking is
     * worked out without them); those on applications already decided or handed to residents stay, as the record of what
     * that decision was based on.
     */
    record PanelRemoval(Account member, int droppedApplications, int droppedScores, int keptApplications) {
    }

    /** The consequence of removing this panel member; empty when they are not on the programme's panel. */
    Optional<PanelRemoval> removal(long programmeId, long accountId) {
        if (!onPanel(programmeId, accountId)) return Optional.empty();
        return accounts.find(accountId).map(member -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(DISTINCT s.application_id) FILTER (WHERE a.status = 'submitted') AS dropped_applications,
                               count(*) FILTER (WHERE a.status = 'submitted') AS dropped_scores,
                               count(DISTINCT s.application_id) FILTER (WHERE a.status <> 'submitted') AS kept_applications
                        FROM grant_scores s JOIN grant_applications a ON a.id = s.application_id
                        WHERE a.programme_id = :p AND s.scorer_id = :u""")
                .bind("p", programmeId).bind("u", accountId)
                .map((rs, c) -> new PanelRemoval(member, rs.getInt("dropped_applications"), rs.getInt("dropped_scores"), rs.getInt("kept_applications")))
                .one()));
    }

    /** Takes the resident off the panel, dropping their scores on applications still open to scoring (see {@link PanelRemoval}). */
    Optional<Refusal> removeFromPanel(long programmeId, long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int removed = h.createUpdate("DELETE FROM grant_panel WHERE programme_id = :p AND account_id = :u").bind("p", programmeId).bind("u", accountId).execute();
            if (removed == 0) return Optional.of(Refusal.NOT_FOUND);
            int dropped = h.createUpdate("""
                            DELETE FROM grant_scores s USING grant_applications a
                            WHERE a.id = s.application_id AND a.programme_id = :p AND s.scorer_id = :u AND a.status = 'submitted'""")
                    .bind("p", programmeId).bind("u", accountId).execute();
            audit.record(h, actor, "grants.panel.removed", "grant-programme:" + programmeId, "account:" + accountId + " scores dropped " + dropped);
            return Optional.<Refusal>empty();
        });
    }
}
