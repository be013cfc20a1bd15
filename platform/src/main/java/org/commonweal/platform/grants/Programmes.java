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
import java.util.List;
import java.util.Optional;

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

    /** Creates a programme from the officer's form; empty, with the form's errors, when anything is wrong (nothing stored). */
    Optional<Long> create(Form form, Actor actor) {
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
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO grant_programmes (title, description, pot, min_award, max_award, place_id, themes, opens_on, closes_on,
                                                          decisions_by, created_by)
                            VALUES (:title, :description, :pot, :min, :max, :place, :themes, :opens, :closes, :decisions, :by)""")
                    .bind("title", title).bind("description", description).bind("pot", pot).bind("min", min).bind("max", max)
                    .bind("place", place.get()).bindArray("themes", String.class, themes.toArray(String[]::new)).bind("opens", opens)
                    .bind("closes", closes).bind("decisions", decisions).bind("by", actor.accountId())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 0; i < criteria.size(); i++) {
                Programme.Criterion c = criteria.get(i);
                h.createUpdate("INSERT INTO grant_criteria (programme_id, position, name, weight, guidance) VALUES (:p, :i, :n, :w, :g)")
                        .bind("p", id).bind("i", i).bind("n", c.name()).bind("w", c.weight()).bind("g", c.guidance()).execute();
            }
            audit.record(h, actor, "grants.programme.created", "grant-programme:" + id, title + " " + Money.format(pot, "GBP"));
            return id;
        }));
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
}
