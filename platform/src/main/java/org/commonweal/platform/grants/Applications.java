package org.commonweal.platform.grants;

import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups' applications: only an admin of a verified group applies, for an amount within the programme's range, with
 * budget lines that add up to it; saved as a draft and submitted before the programme closes (its closing day counts).
 */
final class Applications {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final String[] FIELDS = {"group", "title", "amount", "purpose", "outcomes", "lines", "action"};
    private static final int MAX_LINES = 50;
    static final String SELECT = "SELECT * FROM grant_applications a";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Groups groups;

    Applications(Jdbi jdbi, AuditLog audit, Groups groups) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.groups = groups;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    Optional<Application> find(long id) {
        return jdbi.withHandle(h -> find(h, id)).map(this::named);
    }

    static Optional<Application> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE a.id = :id").bind("id", id).map((rs, c) -> application(h, rs)).findOne();
    }

    private Application named(Application a) {
        return withGroupName(a, groups.name(a.groupId()).orElse(""));
    }

    private static Application withGroupName(Application a, String name) {
        return new Application(a.id(), a.programmeId(), a.groupId(), name, a.applicantId(), a.title(), a.amount(), a.purpose(), a.outcomes(),
                a.status(), a.submittedAt(), a.decisionReason(), a.amountAwarded(), a.awardedOn(), a.proposalId(), a.lines());
    }

    /** The programme's applications in one status (or all but drafts when null), with their groups' names. */
    List<Application> of(long programmeId, String status) {
        List<Application> found = jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE a.programme_id = :p AND "
                        + (status == null ? "a.status <> 'draft'" : "a.status = :s") + " ORDER BY a.id")
                .bind("p", programmeId).bind("s", status).map((rs, c) -> application(h, rs)).list());
        var names = groups.names(found.stream().map(Application::groupId).toList());
        return found.stream().map(a -> withGroupName(a, names.getOrDefault(a.groupId(), ""))).toList();
    }

    /** The applications of the groups the account runs, to this programme (drafts included). */
    List<Application> ofAdmin(long programmeId, long accountId) {
        List<Long> run = groups.administeredBy(accountId).stream().map(g -> g.id()).toList();
        if (run.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE a.programme_id = :p AND a.group_id = ANY(:g) ORDER BY a.id")
                .bind("p", programmeId).bindArray("g", Long.class, run.toArray(Long[]::new)).map((rs, c) -> application(h, rs)).list())
                .stream().map(this::named).toList();
    }

    /** Awards made to a group, latest first: its page lists them under "grants received". */
    List<Application> awardedTo(long groupId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE a.group_id = :g AND a.status = 'awarded' ORDER BY a.awarded_on DESC, a.id DESC LIMIT :n")
                .bind("g", groupId).bind("n", limit).map((rs, c) -> application(h, rs)).list());
    }

    static Application application(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Application.BudgetLine> lines = h.createQuery("SELECT item, amount FROM grant_budget_lines WHERE application_id = :id ORDER BY position")
                .bind("id", id).map((r, c) -> new Application.BudgetLine(r.getString("item"), r.getLong("amount"))).list();
        return new Application(id, rs.getLong("programme_id"), rs.getLong("group_id"), "", (Long) rs.getObject("applicant_id"), rs.getString("title"),
                rs.getLong("amount"), rs.getString("purpose"), rs.getString("outcomes"), rs.getString("status"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("decision_reason"), (Long) rs.getObject("amount_awarded"),
                rs.getObject("awarded_on", LocalDate.class), (Long) rs.getObject("proposal_id"), lines);
    }

    /** The application as its form, for editing a draft. */
    static Form form(Application a, String currency) {
        StringBuilder lines = new StringBuilder();
        for (Application.BudgetLine l : a.lines()) lines.append(l.item()).append(" | ").append(Money.plain(l.amount(), currency)).append('\n');
        return Form.empty().set("group", String.valueOf(a.groupId())).set("title", a.title()).set("amount", Money.plain(a.amount(), currency))
                .set("purpose", a.purpose()).set("outcomes", a.outcomes()).set("lines", lines.toString().strip());
    }

    /**
     * Why the account may not apply for the group: it does not run it, or the group is not verified yet (the page says
     * how to get verified); empty when it may.
     */
    Optional<String> whyNot(long groupId, long accountId) {
        if (!groups.isAdmin(groupId, accountId)) return Optional.of("grants.error.group.notAdmin");
        if (!groups.isVerified(groupId)) return Optional.of("grants.error.group.unverified");
        return Optional.empty();
    }

    private record Fields(long groupId, String title, long amount, String purpose, String outcomes, List<Application.BudgetLine> lines) {
    }

    private Fields validate(Programme p, Form form, long accountId, Long fixedGroup) {
        Optional<Long> group = fixedGroup != null ? Optional.of(fixedGroup) : Programmes.parseId(form.value("group"));
        if (group.isEmpty()) form.error("group", "grants.error.group.required");
        else whyNot(group.get(), accountId).ifPresent(key -> form.error("group", key, groups.name(group.get()).orElse("")));
        String title = form.requireText("title", 140, "grants.error.appTitle.required", "grants.error.appTitle.tooLong");
        Optional<Long> amount = Money.parse(form.value("amount"), p.currency());
        if (amount.isEmpty()) form.error("amount", "grants.error.amount");
        else if (amount.get() < p.minAward() || amount.get() > p.maxAward())
            form.error("amount", "grants.error.amount.range", p.money(p.minAward()), p.money(p.maxAward()));
        String purpose = form.requireText("purpose", 5000, "grants.error.purpose.required", "grants.error.text.tooLong");
        String outcomes = form.requireText("outcomes", 5000, "grants.error.outcomes.required", "grants.error.text.tooLong");
        List<Application.BudgetLine> lines = lines(form, p.currency());
        if (!form.hasErrors()) {
            long sum = lines.stream().mapToLong(Application.BudgetLine::amount).sum();
            if (sum != amount.get()) form.error("lines", "grants.error.lines.sum", p.money(sum), p.money(amount.get()));
        }
        return new Fields(group.orElse(0L), title, amount.orElse(0L), purpose, outcomes, lines);
    }

    /** One budget line a line of text, "item | amount"; an error names the line and what is wrong with it. */
    static List<Application.BudgetLine> lines(Form form, String currency) {
        List<Application.BudgetLine> out = new ArrayList<>();
        String[] rows = form.value("lines").split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) continue;
            int bar = row.lastIndexOf('|');
            String item = bar < 0 ? "" : row.substring(0, bar).strip();
            if (bar < 0 || item.isEmpty() || item.length() > 200) {
                form.error("lines", "grants.error.line.form", i + 1);
                return out;
            }
            Optional<Long> amount = Money.parse(row.substring(bar + 1), currency);
            if (amount.isEmpty()) {
                form.error("lines", "grants.error.line.amount", i + 1, item);
                return out;
            }
            out.add(new Application.BudgetLine(item, amount.get()));
        }
        if (out.isEmpty()) form.error("lines", "grants.error.lines.required");
        else if (out.size() > MAX_LINES) form.error("lines", "grants.error.lines.tooMany", MAX_LINES);
        return out;
    }

    /** A new application, kept as a draft or submitted at once ({@code action} "submit"); refused after the closing day. */
    Result create(Programme p, Form form, long accountId, Actor actor) {
        Optional<Refusal> closed = notOpen(p, form);
        if (closed.isPresent()) return new Result(closed, null);
        Fields f = validate(p, form, accountId, null);
        if (form.hasErrors()) return new Result(Optional.of(Refusal.INVALID), null);
        boolean submit = form.value("action").equals("submit");
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("""
                            INSERT INTO grant_applications (programme_id, group_id, applicant_id, title, amount, purpose, outcomes, status, submitted_at)
                            VALUES (:p, :g, :a, :title, :amount, :purpose, :outcomes, :status, CASE WHEN :submit THEN now() END)""")
                    .bind("p", p.id()).bind("g", f.groupId()).bind("a", accountId).bind("title", f.title()).bind("amount", f.amount())
                    .bind("purpose", f.purpose()).bind("outcomes", f.outcomes()).bind("status", submit ? "submitted" : "draft").bind("submit", submit)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            saveLines(h, created, f.lines());
            audit.record(h, actor, submit ? "grants.application.submitted" : "grants.application.drafted", GrantIndex.key(created), f.title());
            return created;
        });
        return new Result(Optional.empty(), id);
    }

    record Result(Optional<Refusal> refused, Long id) {
    }

    /** Changes a draft and keeps it as a draft or submits it; a submitted application is no longer the group's to change. */
    Optional<Refusal> edit(Programme p, Application a, Form form, long accountId, Actor actor) {
        if (!a.draft()) return Optional.of(Refusal.ALREADY_DONE);
        Optional<Refusal> closed = notOpen(p, form);
        if (closed.isPresent()) return closed;
        Fields f = validate(p, form, accountId, a.groupId());
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        boolean submit = form.value("action").equals("submit");
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE grant_applications SET title = :title, amount = :amount, purpose = :purpose, outcomes = :outcomes,
                                   status = :status, submitted_at = CASE WHEN :submit THEN now() END, updated_at = now()
                            WHERE id = :id AND status = 'draft'""")
                    .bind("title", f.title()).bind("amount", f.amount()).bind("purpose", f.purpose()).bind("outcomes", f.outcomes())
                    .bind("status", submit ? "submitted" : "draft").bind("submit", submit).bind("id", a.id()).execute();
            if (changed == 0) return Optional.of(Refusal.ALREADY_DONE);
            h.createUpdate("DELETE FROM grant_budget_lines WHERE application_id = :id").bind("id", a.id()).execute();
            saveLines(h, a.id(), f.lines());
            audit.record(h, actor, submit ? "grants.application.submitted" : "grants.application.edited", GrantIndex.key(a.id()), f.title());
            return Optional.empty();
        });
    }

    private static Optional<Refusal> notOpen(Programme p, Form form) {
        LocalDate today = today();
        if (p.closed(today)) {
            form.error("title", "grants.error.closed", p.closesOn());
            return Optional.of(Refusal.CLOSED);
        }
        if (!p.open(today)) {
            form.error("title", "grants.error.notOpen", p.opensOn());
            return Optional.of(Refusal.CLOSED);
        }
        return Optional.empty();
    }

    private static void saveLines(Handle h, long applicationId, List<Application.BudgetLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            h.createUpdate("INSERT INTO grant_budget_lines (application_id, position, item, amount) VALUES (:a, :i, :item, :amount)")
                    .bind("a", applicationId).bind("i", i).bind("item", lines.get(i).item()).bind("amount", lines.get(i).amount()).execute();
        }
    }
}
