package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.volunteers.VolunteerProfile;
import org.commonweal.platform.volunteers.VolunteerService;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a group's opportunities, sessions and sign-ups from a TeamKinetic export (Provider-data.csv,
 * Opportunity-data.csv, Session-data.csv) through a column mapping. {@link #plan} reads everything and lists every
 * problem (file, row, column, what is wrong); {@link #run} stores the plan in one transaction, and only a plan without
 * problems. Session rows that name a volunteer (VOLID) are sign-ups, resolved through the volunteers service by their
 * TeamKinetic id: a volunteer who is not on Commonweal (or has no account yet) is reported and their session is imported
 * without that sign-up, so a partly-known export can still come in; the preview lists them first.
 */
public final class TeamKineticImport {
    static final String VOLUNTEER_SOURCE = "teamkinetic";

    /** Something wrong (or worth telling) at a file's row and column. */
    public record Problem(String file, int row, String column, String messageKey, Object... args) {
    }

    public record NewSignUp(long accountId, String volunteer, String status, Boolean attended, int quarters) {
    }

    public record NewSession(String externalId, OffsetDateTime startsAt, OffsetDateTime endsAt, List<NewSignUp> signUps) {
    }

    public record NewOpportunity(String externalId, String title, String description, String venue, boolean open, List<NewSession> sessions) {
    }

    /** What an import would do: the opportunities with their sessions and sign-ups, the problems that stop it, and what it leaves out. */
    public record Plan(List<NewOpportunity> opportunities, List<Problem> problems, List<Problem> leftOut) {
        public int sessions() {
            return opportunities.stream().mapToInt(o -> o.sessions().size()).sum();
        }

        public int signUps() {
            return opportunities.stream().flatMap(o -> o.sessions().stream()).mapToInt(s -> s.signUps().size()).sum();
        }
    }

    private final Jdbi jdbi;
    private final Opportunities opportunities;
    private final VolunteerService volunteers;
    private final AuditLog audit;
    private final Messages messages;

    TeamKineticImport(Jdbi jdbi, Opportunities opportunities, VolunteerService volunteers, AuditLog audit, Messages messages) {
        this.jdbi = jdbi;
        this.opportunities = opportunities;
        this.volunteers = volunteers;
        this.audit = audit;
        this.messages = messages;
    }

    static String source(long groupId) {
        return "teamkinetic:group-" + groupId;
    }

    Plan plan(long groupId, Map<String, CsvFile> files, ImportMapping mapping) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> leftOut = new ArrayList<>();
        for (ImportMapping.Field f : ImportMapping.FIELDS) {
            CsvFile file = files.get(f.file());
            if (file != null && f.required() && mapping.column(file, f) < 0) {
                problems.add(new Problem(file.name(), 1, mapping.header(f), "opportunities.import.problem.unmapped", messages.get("opportunities.import.field." + f.name())));
            }
        }
        CsvFile opportunityFile = files.get("opportunities");
        if (opportunityFile == null) return new Plan(List.of(), List.of(new Problem("Opportunity-data.csv", 0, "", "opportunities.import.problem.noOpportunities")), leftOut);
        if (!problems.isEmpty()) return new Plan(List.of(), problems, leftOut);

        Set<String> providers = new HashSet<>();
        CsvFile providerFile = files.get("providers");
        if (providerFile != null) {
            for (CsvFile.Row r : providerFile.rows()) {
                String name = cell(providerFile, r, mapping, "name");
                if (name.isEmpty()) problems.add(problem(providerFile, r, mapping, "name", "opportunities.import.problem.required"));
                else providers.add(name);
            }
        }

        Map<String, String[]> byId = new LinkedHashMap<>();
        Map<String, Boolean> openById = new LinkedHashMap<>();
        for (CsvFile.Row r : opportunityFile.rows()) {
            String id = cell(opportunityFile, r, mapping, "id");
            String title = cell(opportunityFile, r, mapping, "title");
            String description = cell(opportunityFile, r, mapping, "description");
            if (id.isEmpty() || id.length() > 100) problems.add(problem(opportunityFile, r, mapping, "id", "opportunities.import.problem.id"));
            else if (byId.containsKey(id)) problems.add(problem(opportunityFile, r, mapping, "id", "opportunities.import.problem.duplicate", id));
            else if (alreadyImported(groupId, id)) problems.add(problem(opportunityFile, r, mapping, "id", "opportunities.import.problem.already", id));
            if (title.isEmpty() || title.length() > 200) problems.add(problem(opportunityFile, r, mapping, "title", "opportunities.import.problem.title"));
            if (description.isEmpty() || description.length() > 5000) {
                problems.add(problem(opportunityFile, r, mapping, "description", "opportunities.import.problem.description"));
            }
            String venue = cell(opportunityFile, r, mapping, "venue");
            if (venue.length() > 500) problems.add(problem(opportunityFile, r, mapping, "venue", "opportunities.import.problem.venue"));
            String authorised = cell(opportunityFile, r, mapping, "authorised");
            Optional<Boolean> open = authorised.isEmpty() ? Optional.of(true) : bool(authorised);
            if (open.isEmpty()) problems.add(problem(opportunityFile, r, mapping, "authorised", "opportunities.import.problem.bool"));
            if (!id.isEmpty()) {
                byId.putIfAbsent(id, new String[]{title, description, venue});
                openById.putIfAbsent(id, open.orElse(true));
            }
        }

        Map<String, Map<String, SessionBuild>> sessions = new LinkedHashMap<>();
        for (String id : byId.keySet()) sessions.put(id, new LinkedHashMap<>());
        CsvFile sessionFile = files.get("sessions");
        if (sessionFile != null) {
            for (CsvFile.Row r : sessionFile.rows()) readSession(sessionFile, r, mapping, providers, sessions, problems, leftOut);
        }
        List<NewOpportunity> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            List<NewSession> built = sessions.get(e.getKey()).values().stream()
                    .map(b -> new NewSession(b.externalId, b.startsAt, b.endsAt, List.copyOf(b.signUps))).toList();
            String[] v = e.getValue();
            out.add(new NewOpportunity(e.getKey(), v[0], v[1], v[2].isEmpty() ? null : v[2], openById.get(e.getKey()), built));
        }
        return new Plan(problems.isEmpty() ? out : List.of(), problems, leftOut);
    }

    /** A session as its rows build it: the first row fixes its time, later rows add sign-ups. */
    private static final class SessionBuild {
        final String externalId;
        final OffsetDateTime startsAt, endsAt;
        final List<NewSignUp> signUps = new ArrayList<>();
        final Set<Long> accounts = new HashSet<>();

        SessionBuild(String externalId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
            this.externalId = externalId;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
        }
    }

    private void readSession(CsvFile file, CsvFile.Row r, ImportMapping mapping, Set<String> providers, Map<String, Map<String, SessionBuild>> sessions,
                             List<Problem> problems, List<Problem> leftOut) {
        String opportunity = cell(file, r, mapping, "opportunity");
        if (!sessions.containsKey(opportunity)) {
            problems.add(problem(file, r, mapping, "opportunity", "opportunities.import.problem.unknownOpportunity", opportunity));
            return;
        }
        String provider = cell(file, r, mapping, "provider");
        if (!providers.isEmpty() && !provider.isEmpty() && !providers.contains(provider)) {
            problems.add(problem(file, r, mapping, "provider", "opportunities.import.problem.unknownProvider", provider));
        }
        String sessionId = cell(file, r, mapping, "session");
        if (sessionId.isEmpty()) {
            leftOut.add(problem(file, r, mapping, "session", "opportunities.import.leftOut.noSession"));
            return;
        }
        if (sessionId.length() > 100) {
            problems.add(problem(file, r, mapping, "session", "opportunities.import.problem.id"));
            return;
        }
        LocalDate day = null;
        try {
            LocalDate parsed = LocalDate.parse(cell(file, r, mapping, "date"));
            // A year PostgreSQL cannot hold ("+999999999-12-31" parses) is as wrong as no date.
            if (parsed.getYear() < 1900 || parsed.getYear() > 9999) throw new DateTimeParseException("out of range", parsed.toString(), 0);
            day = parsed;
        } catch (DateTimeParseException e) {
            problems.add(problem(file, r, mapping, "date", "opportunities.import.problem.date"));
        }
        LocalTime start = null;
        try {
            start = LocalTime.parse(cell(file, r, mapping, "startTime"));
        } catch (DateTimeParseException e) {
            problems.add(problem(file, r, mapping, "startTime", "opportunities.import.problem.time"));
        }
        Integer length = quarters(cell(file, r, mapping, "hours"));
        if (length == null || length == 0) problems.add(problem(file, r, mapping, "hours", "opportunities.import.problem.hours"));
        if (day == null || start == null || length == null || length == 0) return;
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            problems.add(problem(file, r, mapping, "date", "opportunities.import.problem.date"));
            return;
        }
        OffsetDateTime startsAt = ZonedDateTime.ofLocal(day.atTime(start), Opportunity.ZONE, null).toOffsetDateTime();
        OffsetDateTime endsAt = startsAt.plusMinutes(15L * length);
        SessionBuild session = sessions.get(opportunity).computeIfAbsent(sessionId, id -> new SessionBuild(id, startsAt, endsAt));
        if (!session.startsAt.equals(startsAt) || !session.endsAt.equals(endsAt)) {
            problems.add(problem(file, r, mapping, "date", "opportunities.import.problem.sessionDiffers", sessionId));
            return;
        }
        signUp(file, r, mapping, session, problems, leftOut);
    }

    private void signUp(CsvFile file, CsvFile.Row r, ImportMapping mapping, SessionBuild session, List<Problem> problems, List<Problem> leftOut) {
        String volunteer = cell(file, r, mapping, "volunteer");
        if (volunteer.isEmpty()) return;
        String statusText = cell(file, r, mapping, "status");
        String status = switch (statusText.toLowerCase(java.util.Locale.ROOT)) {
            case "", "joined" -> "signed_up";
            case "applied" -> "waiting";
            default -> null;
        };
        if (status == null) problems.add(problem(file, r, mapping, "status", "opportunities.import.problem.status"));
        String attendedText = cell(file, r, mapping, "attended");
        Optional<Boolean> attended = attendedText.isEmpty() ? Optional.empty() : bool(attendedText);
        if (!attendedText.isEmpty() && attended.isEmpty()) problems.add(problem(file, r, mapping, "attended", "opportunities.import.problem.bool"));
        String loggedText = cell(file, r, mapping, "hoursLogged");
        Integer logged = loggedText.isEmpty() ? Integer.valueOf(0) : quarters(loggedText);
        if (logged == null) problems.add(problem(file, r, mapping, "hoursLogged", "opportunities.import.problem.hoursLogged"));
        else if (logged > 0 && !attended.orElse(false)) problems.add(problem(file, r, mapping, "hoursLogged", "opportunities.import.problem.hoursNotAttended"));
        if (attended.orElse(false) && "waiting".equals(status)) problems.add(problem(file, r, mapping, "attended", "opportunities.import.problem.attendedWaiting"));
        if (status == null || (!attendedText.isEmpty() && attended.isEmpty()) || logged == null) return;
        Optional<Long> account = volunteers.byExternalId(VOLUNTEER_SOURCE, volunteer).map(VolunteerProfile::accountId);
        if (account.isEmpty()) {
            leftOut.add(problem(file, r, mapping, "volunteer", "opportunities.import.leftOut.unknownVolunteer", volunteer));
            return;
        }
        if (!session.accounts.add(account.get())) {
            problems.add(problem(file, r, mapping, "volunteer", "opportunities.import.problem.twice", volunteer, session.externalId));
            return;
        }
        session.signUps.add(new NewSignUp(account.get(), volunteer, status, "signed_up".equals(status) ? attended.orElse(null) : null, logged));
    }

    /** Stores a plan without problems in one transaction: all of it or, on any failure, nothing. */
    void run(long groupId, long accountId, long placeId, int capacity, Plan plan, Actor actor) {
        if (!plan.problems().isEmpty()) throw new IllegalArgumentException("a plan with problems is not imported");
        String role = messages.get("opportunities.import.role");
        jdbi.useTransaction(h -> {
            for (NewOpportunity o : plan.opportunities()) {
                OpportunityDetails d = new OpportunityDetails(o.title(), o.description(), List.of(placeId), List.of(), List.of(role), List.of(), "none", null,
                        o.sessions().size() == 1 ? "one_off" : "regular");
                long id = opportunities.insert(h, groupId, accountId, d, source(groupId), o.externalId(), actor);
                if (!o.open()) h.execute("UPDATE opportunities SET closed_at = now() WHERE id = ?", id);
                for (NewSession s : o.sessions()) {
                    int places = Math.max(capacity, (int) s.signUps().stream().filter(u -> u.status().equals("signed_up")).count());
                    long session = opportunities.insertShift(h, id, new ShiftDetails(role, s.startsAt(), s.endsAt(), placeId, o.venue(), places), s.externalId(), actor);
                    for (NewSignUp u : s.signUps()) {
                        h.createUpdate("""
                                INSERT INTO opportunity_signups (session_id, account_id, status, attended, checked_at)
                                VALUES (:s, :a, :status, :attended, CASE WHEN :attended IS NULL THEN NULL ELSE now() END)""")
                                .bind("s", session).bind("a", u.accountId()).bind("status", u.status()).bind("attended", u.attended()).execute();
                        if (u.quarters() > 0) {
                            h.createUpdate("""
                                    INSERT INTO volunteer_hours (opportunity_id, session_id, account_id, role, worked_on, quarters, note, status, decided_at)
                                    VALUES (:o, :s, :a, :role, :day, :q, :note, 'approved', now())""")
                                    .bind("o", id).bind("s", session).bind("a", u.accountId()).bind("role", role)
                                    .bind("day", s.startsAt().atZoneSameInstant(Opportunity.ZONE).toLocalDate()).bind("q", u.quarters())
                                    .bind("note", messages.get("opportunities.import.hoursNote")).execute();
                        }
                    }
                }
                audit.record(h, actor, "opportunity.imported", "opportunity:" + id, source(groupId) + " " + o.externalId());
            }
        });
    }

    private boolean alreadyImported(long groupId, String externalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM opportunities WHERE source = :s AND external_id = :e")
                .bind("s", source(groupId)).bind("e", externalId).mapTo(Integer.class).findOne().isPresent());
    }

    private static String cell(CsvFile file, CsvFile.Row r, ImportMapping mapping, String field) {
        return r.cell(mapping.column(file, ImportMapping.field(file.kind(), field)));
    }

    private static Problem problem(CsvFile file, CsvFile.Row r, ImportMapping mapping, String field, String key, Object... args) {
        return new Problem(file.name(), r.number(), mapping.header(ImportMapping.field(file.kind(), field)), key, args);
    }

    private static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> Optional.of(true);
            case "false", "no", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Hours as quarter hours ("2", "1.5"), at most a day; null when not such a number. */
    static Integer quarters(String text) {
        try {
            BigDecimal q = new BigDecimal(text.strip()).multiply(BigDecimal.valueOf(4));
            if (q.stripTrailingZeros().scale() <= 0 && q.signum() >= 0 && q.compareTo(BigDecimal.valueOf(96)) <= 0) return q.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number of hours: the caller names the cell
        }
        return null;
    }
}
