package org.commonweal.platform.core.http;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix: every state-changing route (and every route with an owner rule) against every persona, on
 * objects owned by a known persona. What each persona should get is derived from the route's declaration (its roles and
 * object rule), never written per route, so a new route is covered the day it is declared. A refusal must be a 403 (or,
 * for a visitor's page, the sign-in redirect) and must store nothing: a trigger on every table notes each row written.
 */
class PermissionMatrixTest extends PlatformTestCase {
    /**
     * Tables written by the pipeline itself, whatever the route answers: {@code sessions} (signing personas in again after
     * the sign-out route), and those background jobs write on their own clock ({@code scheduled_tasks}, the jobs'
     * bookkeeping, and {@code conversation_analyses}, the opinion maps worked out after votes that were allowed).
     * Refusals are not audited, so {@code audit_log} is watched like every other table.
     */
    private static final Set<String> TECHNICAL_TABLES = Set.of("sessions", "scheduled_tasks", "conversation_analyses");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** Someone the matrix signs in as (or not, for the visitor). */
    record Persona(String name, String email, String password, Set<Role> roles) {
        boolean visitor() {
            return email == null;
        }

        boolean has(Role role) {
            return !visitor() && (role == Role.ANYONE || role == Role.RESIDENT || roles.contains(role));
        }
    }

    static final Persona VISITOR = new Persona("visitor", null, null, Set.of());
    static final Persona AMIRA = new Persona("resident Amira", "amira@demo.commonweal.org", "demo-resident-pass", Set.of());
    static final Persona BEN = new Persona("another resident (Ben)", "ben@demo.commonweal.org", "demo-resident-pass", Set.of());
    static final Persona ORLA = new Persona("organiser Orla", "organiser@demo.commonweal.org", "demo-organiser-pass", Set.of(Role.ORGANISER));
    static final Persona RITA = new Persona("another organiser (Rita)", "rita@matrix.example", "matrix-organiser-pass", Set.of(Role.ORGANISER));
    static final Persona OLU = new Persona("officer Olu", "officer@demo.commonweal.org", "demo-officer-pass", Set.of(Role.OFFICER));
    static final Persona MO = new Persona("moderator Mo", "moderator@demo.commonweal.org", "demo-moderator-pass", Set.of(Role.MODERATOR));
    static final Persona ADA = new Persona("admin Ada", "admin@demo.commonweal.org", "demo-admin-pass", Set.of(Role.ADMIN));
    static final List<Persona> PERSONAS = List.of(VISITOR, AMIRA, BEN, ORLA, RITA, OLU, MO, ADA);

    /** Who owns the fixture object of each object kind (by {@link ObjectKind#name()}). */
    static final Map<String, Persona> OWNER_OF_FIXTURE = Map.ofEntries(
            Map.entry("board election", ORLA),
            Map.entry("board election electorate", AMIRA),
            Map.entry("consultation", ORLA),
            Map.entry("event", ORLA),
            Map.entry("group", AMIRA),
            Map.entry("grant application", AMIRA),
            Map.entry("budget proposal", AMIRA),
            Map.entry("problem", AMIRA),
            Map.entry("solution", AMIRA),
            Map.entry("comment", AMIRA),
            Map.entry("conversation", ORLA),
            Map.entry("service", BEN),
            Map.entry("group's volunteers", AMIRA),
            Map.entry("group's safeguarding", AMIRA),
            Map.entry("story", AMIRA),
            Map.entry("named person", AMIRA),
            Map.entry("volunteering opportunity", AMIRA),
            Map.entry("volunteering group", AMIRA),
            Map.entry("care request", AMIRA), Map.entry("care request's needs", AMIRA), Map.entry("care request's person", AMIRA),
            Map.entry("care match", AMIRA), Map.entry("care coordination", BEN), Map.entry("care visit", BEN));

    /** A value for each path parameter, keyed by the path up to and including it; objects of the owner kinds are the fixtures. */
    static final Map<String, String> PATH_VALUES = new LinkedHashMap<>();

    @BeforeAll
    static void fixtures() {
        long amira = account(AMIRA);
        long orla = account(ORLA);
        // A home place like every demo account's, so she may vote in the demo budget as any resident may.
        Long home = app.platform.accounts.find(amira).orElseThrow().homePlaceId();
        long rita = app.platform.accounts.createConfirmed(RITA.email(), "Rita Rival", RITA.password(), EnumSet.of(Role.ORGANISER), home);
        // Another group's organiser: the one who would rig Orla's election or run her group's consultation.
        app.platform.feature(org.commonweal.platform.groups.GroupsFeature.class).groups().create(Form.empty().set("name", "Rival Tenants")
                .set("kind", "tenants_association").set("description", "A rival group."), rita, org.commonweal.platform.core.audit.Actor.SYSTEM).orElseThrow();
        long target = app.platform.accounts.createConfirmed("target@matrix.example", "Tess Target", "matrix-target-pass", Set.of(), null);
        long place = app.platform.places.create(Form.empty().set("name", "Matrix Ward").set("gssCode", "").set("parent", ""),
                org.commonweal.platform.core.audit.Actor.SYSTEM).orElseThrow();

        long election = orlasElectionWithAmiraListed();
        long proposal = one("SELECT id FROM budget_proposals WHERE author_id = " + amira + " ORDER BY id");
        long pot = one("SELECT pot_id FROM budget_proposals WHERE id = " + proposal);
        long process = one("SELECT process_id FROM budget_pots WHERE id = " + pot);
        long consultation = orlasConsultation(one("SELECT group_id FROM group_members WHERE admin AND account_id = " + orla));
        // Amira runs the demo's community benefit society, and only she does; Ben is one of its members.
        long group = one("SELECT m.group_id FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.admin AND g.kind = 'community_benefit_society' AND m.account_id = " + amira);
        long ben = account(BEN);
        long vacancy = app.database.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO group_vacancies (group_id, role, description, time_needed) VALUES (:g, 'trustee', 'A trustee', 'A day a month') RETURNING id")
                .bind("g", group).mapTo(Long.class).one());
        long event = one("SELECT id FROM events WHERE organiser_id = " + orla + " ORDER BY id");
        long problem = one("SELECT id FROM problems WHERE author_id = " + amira + " ORDER BY id");
        long solution = one("SELECT id FROM problem_solutions WHERE author_id = " + amira + " ORDER BY id");
        long comment = one("SELECT id FROM comments WHERE author_id = " + amira + " ORDER BY id");
        long othersComment = one("SELECT id FROM comments WHERE author_id <> " + amira + " ORDER BY id");

        PATH_VALUES.put("/budgets/{id}", String.valueOf(process));
        PATH_VALUES.put("/budgets/{id}/pots/{pot}", String.valueOf(pot));
        PATH_VALUES.put("/budgets/{id}/pots/{pot}/paper/sheets/{sheet}", "1");
        PATH_VALUES.put("/budgets/{id}/proposals/{proposal}", String.valueOf(proposal));
        PATH_VALUES.put("/budgets/{id}/proposals/{proposal}/milestones/{milestone}", "1");
        PATH_VALUES.put("/budgets/{id}/proposals/{proposal}/photos/{photo}", "1");
        PATH_VALUES.put("/consultations/{id}", String.valueOf(consultation));
        PATH_VALUES.put("/consultations/{id}/workstreams/{workstream}", String.valueOf(
                one("SELECT id FROM consultation_workstreams WHERE consultation_id = " + consultation + " ORDER BY id")));
        String question = String.valueOf(one("SELECT id FROM consultation_questions WHERE consultation_id = " + consultation + " ORDER BY id"));
        PATH_VALUES.put("/consultations/{id}/questions/{question}", question);
        PATH_VALUES.put("/consultations/{id}/results/questions/{question}", question);
        PATH_VALUES.put("/consultations/{id}/documents/{document}", "1");
        PATH_VALUES.put("/groups/{id}", String.valueOf(group));
        long[] grant = amirasGrantApplication(group, amira, target);
        PATH_VALUES.put("/grants/{id}", String.valueOf(grant[0]));
        PATH_VALUES.put("/grants/{id}/panel/{account}", String.valueOf(target));
        PATH_VALUES.put("/grants/applications/{id}", String.valueOf(grant[1]));
        PATH_VALUES.put("/groups/{id}/requests/{account}", String.valueOf(target));
        PATH_VALUES.put("/groups/{id}/members/{account}", String.valueOf(ben));
        PATH_VALUES.put("/groups/{id}/vacancies/{vacancy}", String.valueOf(vacancy));
        volunteerOfAmirasGroup(group, amira);
        PATH_VALUES.put("/groups/invites/{token}", "not-an-invitation");
        PATH_VALUES.put("/groups/{id}/invites/{invite}", "1");
        PATH_VALUES.put("/elections/manage/{id}", String.valueOf(election));
        PATH_VALUES.put("/elections/{id}", String.valueOf(election));
        PATH_VALUES.put("/events/{id}", String.valueOf(event));
        PATH_VALUES.put("/events/{id}/attendance/{registration}", "1");
        PATH_VALUES.put("/problems/{id}", String.valueOf(problem));
        PATH_VALUES.put("/celebrate/rounds/{id}", String.valueOf(one("SELECT id FROM award_rounds WHERE status = 'open' ORDER BY id")));
        PATH_VALUES.put("/library/{id}", String.valueOf(one("SELECT id FROM library_stories WHERE author_id = " + amira + " ORDER BY id")));
        PATH_VALUES.put("/library/{id}/photos/{photo}", "1");
        PATH_VALUES.put("/library/{id}/links/{link}", "1");
        app.database.jdbi().useHandle(h -> h.execute("INSERT INTO library_named_people (story_id, email) "
                + "SELECT min(id), ? FROM library_stories ON CONFLICT DO NOTHING", AMIRA.email()));
        PATH_VALUES.put("/library/named/{id}", String.valueOf(one("SELECT min(id) FROM library_named_people WHERE email = '" + AMIRA.email() + "'")));
        PATH_VALUES.put("/solutions/{id}", String.valueOf(solution));
        PATH_VALUES.put("/solutions/{id}/budget/{process}", String.valueOf(process));
        PATH_VALUES.put("/comments/{id}", String.valueOf(comment));
        PATH_VALUES.put("/moderation/comments/{id}", String.valueOf(othersComment));
        PATH_VALUES.put("/moderation/accounts/{id}", String.valueOf(target));
        PATH_VALUES.put("/admin/users/{id}", String.valueOf(target));
        PATH_VALUES.put("/admin/places/{id}", String.valueOf(place));
        PATH_VALUES.put("/account/reset/{token}", "not-a-reset-token");
        long conversation = orlasConversation();
        PATH_VALUES.put("/conversations/{id}", String.valueOf(conversation));
        PATH_VALUES.put("/conversations/{id}/statements/{statement}", String.valueOf(
                one("SELECT id FROM conversation_statements WHERE conversation_id = " + conversation + " ORDER BY id")));
        PATH_VALUES.put("/conversations/{id}/export/{file}", "votes.csv");
        // A service of the demo's food bank, which Ben runs.
        PATH_VALUES.put("/services/{id}", String.valueOf(one("SELECT id FROM services WHERE name = 'Pantry'")));
        // The demo's open days of the society Amira runs: an upcoming session, and hours waiting for her decision.
        long opportunity = one("SELECT id FROM opportunities WHERE title LIKE 'Solar open days%'");
        PATH_VALUES.put("/volunteering/{id}", String.valueOf(opportunity));
        PATH_VALUES.put("/volunteering/{id}/sessions/{session}", String.valueOf(
                one("SELECT id FROM opportunity_sessions WHERE starts_at > now() AND opportunity_id = " + opportunity + " ORDER BY starts_at")));
        PATH_VALUES.put("/volunteering/{id}/hours/{hours}", String.valueOf(
                one("SELECT id FROM volunteer_hours WHERE status = 'pending' AND opportunity_id = " + opportunity + " ORDER BY id")));
        PATH_VALUES.putAll(careFixtures(amira, ben, place));
        watchEveryTable();
    }

    /**
     * Amira's own help request in the Matrix Ward (no persona coordinates it); a request of Tess's in the area of St Mark's,
     * whose volunteer coordinator is Ben, taken on by Amira as its volunteer; and a visit she logged, for Ben to approve.
     */
    private static Map<String, String> careFixtures(long amira, long ben, long place) {
        long church = one("SELECT group_id FROM group_members WHERE role = 'volunteer_coordinator' AND account_id = " + ben + " ORDER BY group_id");
        long churchPlace = one("SELECT place_id FROM group_places WHERE group_id = " + church + " ORDER BY place_id");
        long target = account(new Persona("target", "target@matrix.example", null, Set.of()));
        return app.database.jdbi().inTransaction(h -> {
            String insert = """
                    INSERT INTO care_requests (person_id, person_name, asker_id, relationship, consent, kind, slots, place_id, lat, lon, languages,
                                               safeguarding, status)
                    VALUES (:p, 'Matrix person', :p, 'self', 'self', 'shopping', '{mon-am}', :place, 51.45, -2.58, '{en}', 'none', :status) RETURNING id""";
            long own = h.createQuery(insert).bind("p", amira).bind("place", place).bind("status", "awaiting_consent").mapTo(Long.class).one();
            long tess = h.createQuery(insert).bind("p", target).bind("place", churchPlace).bind("status", "matched").mapTo(Long.class).one();
            long match = h.createQuery("""
                    INSERT INTO care_matches (request_id, volunteer_id, group_id, status, cost_metres, reasons)
                    VALUES (:r, :v, :g, 'accepted', 500, '{}') RETURNING id""").bind("r", tess).bind("v", amira).bind("g", church).mapTo(Long.class).one();
            long visit = h.createQuery("INSERT INTO care_visits (match_id, visited_on, minutes, status) VALUES (:m, current_date, 60, 'logged') RETURNING id")
                    .bind("m", match).mapTo(Long.class).one();
            return Map.of("/care/requests/{id}", String.valueOf(own), "/care/groups/{id}", String.valueOf(church),
                    "/care/matches/{id}", String.valueOf(match), "/care/visits/{id}", String.valueOf(visit));
        });
    }

    /** What the declaration says the persona gets. */
    enum Expected { SIGN_IN, REFUSED, ALLOWED }

    static Expected expected(RouteRules.Declared route, Persona p) {
        if (!route.forAnyone()) {
            if (p.visitor()) return route.writes() ? Expected.REFUSED : Expected.SIGN_IN;
            if (route.roles().stream().noneMatch(p::has)) return Expected.REFUSED;
        }
        return switch (route.access()) {
            case Access.Plain plain -> Expected.ALLOWED;
            case Access.Owner owner -> owner.alsoRoles().stream().anyMatch(p::has) || ownerOfFixture(owner.kind(), route) == p
                    ? Expected.ALLOWED : Expected.REFUSED;
            case Access.NotOwner notOwner -> ownerOfFixture(notOwner.kind(), route) == p ? Expected.REFUSED : Expected.ALLOWED;
        };
    }

    private static Persona ownerOfFixture(ObjectKind kind, RouteRules.Declared route) {
        Persona owner = OWNER_OF_FIXTURE.get(kind.name());
        assertThat(owner).as("%s acts on a \"%s\": add a fixture of that kind, owned by a persona, to OWNER_OF_FIXTURE and PATH_VALUES", route, kind.name())
                .isNotNull();
        return owner;
    }

    /** The routes the matrix covers: every state-changing one, and every page with an owner rule. */
    static List<RouteRules.Declared> covered() {
        return app.platform.routes().stream().filter(r -> r.writes() || r.access() instanceof Access.Owner || r.access() instanceof Access.NotOwner).toList();
    }

    @Test
    void everyPersonaGetsWhatTheRouteDeclaresAndARefusalStoresNothing() {
        Map<Persona, TestClient> clients = new LinkedHashMap<>();
        for (Persona p : PERSONAS) clients.put(p, signIn(p));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (RouteRules.Declared route : covered()) {
            String path = fill(route);
            // Refusals first: an allowed request may close or withdraw the object, which must not change a refusal.
            List<Persona> order = new ArrayList<>(PERSONAS);
            order.sort((a, b) -> Boolean.compare(expected(route, a) == Expected.ALLOWED, expected(route, b) == Expected.ALLOWED));
            for (Persona p : order) {
                Expected expected = expected(route, p);
                TestClient c = clients.get(p);
                app.platform.limiter.reset();
                long before = writes();
                TestClient.Response r = route.writes() ? c.post(path, Map.of()) : c.get(path);
                List<String> stored = writtenSince(before);
                String problem = check(route, expected, r, stored);
                if (problem != null) wrong.add(route + " as " + p.name() + " (expected " + expected + "): " + problem);
                checked++;
                if (!p.visitor() && c.cookie(Web.SESSION_COOKIE) == null) clients.put(p, signIn(p));
            }
        }
        assertThat(wrong).as("%d requests checked", checked).isEmpty();
        assertThat(checked).isGreaterThan(PERSONAS.size() * 80);
    }

    private static String check(RouteRules.Declared route, Expected expected, TestClient.Response r, List<String> stored) {
        int status = r.status();
        if (status >= 500) return "answered " + status;
        boolean secretMissing = route.access() == Access.SECRET;
        return switch (expected) {
            case SIGN_IN -> status == 302 && r.location().startsWith("/sign-in?next=") ? null : "answered " + status + " " + r.location();
            case REFUSED -> status != 403 ? "answered " + status : route.writes() && !stored.isEmpty() ? "refused but stored rows in " + stored : null;
            // A secret route lets everyone through to its handler, which refuses the missing secret: nothing may be stored.
            case ALLOWED -> secretMissing && !stored.isEmpty() ? "stored rows in " + stored + " without the secret"
                    : status == 403 && !secretMissing ? "refused (403)" : null;
        };
    }

    @Test
    void everyRouteOfThePlatformDeclaresItsRolesAndOneObjectRule() {
        // RouteRules.of throws, naming the route, if any route lacks a rule; the platform would not have started either.
        List<RouteRules.Declared> routes = app.platform.routes();
        assertThat(routes).hasSizeGreaterThan(150);
        assertThat(routes).allSatisfy(r -> assertThat(r.roles()).as("%s", r).isNotEmpty());
    }

    @Test
    void aPathParameterTheMatrixCannotFillNamesWhatToAdd() {
        RouteRules.Declared unknown = new RouteRules.Declared(io.javalin.http.HandlerType.POST, "/widgets/{id}/polish", Set.of(Role.RESIDENT), Access.ROLE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fill(unknown)).hasMessageContaining("POST /widgets/{id}/polish")
                .hasMessageContaining("\"/widgets/{id}\"").hasMessageContaining("PATH_VALUES");
    }

    @Test
    void anOwnerKindWithoutAFixtureNamesWhatToAdd() {
        ObjectKind widget = new ObjectKind("widget", id -> java.util.Optional.empty());
        RouteRules.Declared route = new RouteRules.Declared(io.javalin.http.HandlerType.POST, "/widgets/{id}", Set.of(Role.RESIDENT), Access.owner(widget));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> expected(route, BEN)).hasMessageContaining("\"widget\"")
                .hasMessageContaining("OWNER_OF_FIXTURE");
    }

    /** The route's path with each parameter filled from {@link #PATH_VALUES}; a parameter it cannot fill fails, saying what to add. */
    static String fill(RouteRules.Declared route) {
        String path = route.path();
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            String key = path.substring(0, m.end());
            String value = PATH_VALUES.get(key);
            if (value == null) {
                throw new AssertionError("The permission matrix cannot fill {" + m.group(1) + "} in " + route + ": add a value for \"" + key
                        + "\" to PermissionMatrixTest.PATH_VALUES (an object of that kind, owned by one of its personas)");
            }
            out.append(path, from, m.start()).append(value);
            from = m.end();
        }
        return out.append(path.substring(from)).toString();
    }

    /**
     * A programme whose panel Amira sits on, and her (verified) group's submitted application to it: she is its group's
     * admin and an assessor at once, so each of the application's owner rules names her alone (scoring her own group's
     * bid is then refused as a conflict, 409, by the service).
     */
    private static long[] amirasGrantApplication(long group, long amira, long panelMember) {
        return app.database.jdbi().inTransaction(h -> {
            h.execute("UPDATE groups SET verified_at = now() WHERE id = ?", group);
            long programme = h.createQuery("""
                    INSERT INTO grant_programmes (title, description, pot, min_award, max_award, place_id, opens_on, closes_on, decisions_by)
                    VALUES ('Matrix grants', 'For the matrix.', 100000, 10000, 50000, (SELECT min(id) FROM places), current_date - 1, current_date + 30,
                            current_date + 60) RETURNING id""").mapTo(Long.class).one();
            h.execute("INSERT INTO grant_criteria (programme_id, position, name, weight) VALUES (?, 0, 'Need', 1)", programme);
            h.execute("INSERT INTO grant_panel (programme_id, account_id) VALUES (?, ?)", programme, amira);
            h.execute("INSERT INTO grant_panel (programme_id, account_id) VALUES (?, ?)", programme, panelMember); // one the officer may remove
            long application = h.createQuery("""
                    INSERT INTO grant_applications (programme_id, group_id, applicant_id, title, amount, purpose, outcomes, status, submitted_at)
                    VALUES (:p, :g, :a, 'Matrix bid', 20000, 'A purpose.', 'Outcomes.', 'submitted', now()) RETURNING id""")
                    .bind("p", programme).bind("g", group).bind("a", amira).mapTo(Long.class).one();
            h.execute("INSERT INTO grant_budget_lines (application_id, position, item, amount) VALUES (?, 0, 'Everything', 20000)", application);
            return new long[]{programme, application};
        });
    }

    /**
     * A volunteer of Amira's group (she runs it, so sees its volunteers) with a reference and a certificate on the Update
     * Service; Amira is also the group's safeguarding lead, the only one who sees and verifies certificates (a lead sees the
     * group's volunteers too, so one persona owns both kinds).
     */
    private static void volunteerOfAmirasGroup(long group, long amira) {
        app.platform.feature(org.commonweal.platform.groups.GroupsFeature.class).groups().addMember(group, amira, "safeguarding_lead", true,
                org.commonweal.platform.core.audit.Actor.SYSTEM);
        long[] ids = app.database.jdbi().inTransaction(h -> {
            long target = one("SELECT id FROM accounts WHERE email = 'target@matrix.example'");
            long v = h.createQuery("INSERT INTO volunteers (account_id, display_name) VALUES (:a, 'Tess Target') RETURNING id").bind("a", target).mapTo(Long.class).one();
            h.execute("INSERT INTO volunteer_groups (volunteer_id, group_id) VALUES (?, ?)", v, group);
            long reference = h.createQuery("INSERT INTO volunteer_references (volunteer_id, name, relationship, contact) VALUES (:v, 'Rex', 'Neighbour', 'rex@example.org') RETURNING id")
                    .bind("v", v).mapTo(Long.class).one();
            long check = h.createQuery("""
                    INSERT INTO volunteer_dbs_checks (volunteer_id, level, certificate_number, issued_on, update_service, recheck_due)
                    VALUES (:v, 'enhanced', '000011112222', current_date - 30, true, current_date + 335) RETURNING id""").bind("v", v).mapTo(Long.class).one();
            return new long[]{v, reference, check};
        });
        PATH_VALUES.put("/groups/{id}/volunteers/{volunteer}", String.valueOf(ids[0]));
        PATH_VALUES.put("/groups/{id}/volunteers/{volunteer}/references/{reference}", String.valueOf(ids[1]));
        PATH_VALUES.put("/groups/{id}/volunteers/{volunteer}/dbs/{check}", String.valueOf(ids[2]));
        // The signed-in person's own items: someone else's id is not found (404) for everyone.
        for (String list : new String[]{"away", "training", "references", "dbs"}) PATH_VALUES.put("/volunteer/profile/" + list + "/{item}", "1");
        PATH_VALUES.put("/volunteer/claim/{token}", "not-a-claim-token");
        long upload = app.database.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO volunteer_imports (group_id, uploaded_by, file_name, content) VALUES (:g, :a, 'v.csv', 'VOLID,FIRSTNAME\n1,Ann\n') RETURNING id")
                .bind("g", group).bind("a", amira).mapTo(Long.class).one());
        PATH_VALUES.put("/groups/{id}/volunteers/import/{import}", String.valueOf(upload));
    }

    private static TestClient signIn(Persona p) {
        TestClient c = app.client();
        if (p.visitor()) c.get("/sign-in");
        else c.signIn(p.email(), p.password());
        return c;
    }

    private static long account(Persona p) {
        return app.platform.accounts.findByEmail(p.email()).orElseThrow().id();
    }

    private static long one(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql + " LIMIT 1").mapTo(Long.class).findOne())
                .orElseThrow(() -> new AssertionError("the demo data has no fixture for: " + sql));
    }

    private static long orlasElectionWithAmiraListed() {
        TestClient orla = signIn(ORLA);
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London")).withSecond(0).withNano(0);
        orla.get("/elections/manage/new");
        TestClient.Response created = orla.post("/elections/manage/new", Map.ofEntries(Map.entry("title", "Matrix board"),
                Map.entry("seats", "1"), Map.entry("rule", "scottish"), Map.entry("opensAt", now.minusHours(1).toString()),
                Map.entry("closesAt", now.plusDays(1).toString()), Map.entry("candidateName0", "Ada"), Map.entry("candidateName1", "Bea")));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().substring("/elections/manage/".length()));
        assertThat(orla.post("/elections/manage/" + id + "/electors", Map.of("emails", AMIRA.email())).status()).isEqualTo(302);
        return id;
    }

    /** A draft consultation of the organisation Orla runs, with a workstream and a question. */
    private static long orlasConsultation(long organisation) {
        TestClient orla = signIn(ORLA);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        orla.get("/consultations/new");
        TestClient.Response created = orla.post("/consultations", Map.of("owner", String.valueOf(organisation), "title", "Matrix consultation",
                "body", "About the matrix.", "opens", today.toString(), "closes", today.plusWeeks(2).toString(), "place", "", "answersPublic", "yes"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll("^/consultations/(\\d+)/manage$", "$1"));
        orla.get("/consultations/" + id + "/manage");
        assertThat(orla.post("/consultations/" + id + "/workstreams", Map.of("workstream", "Matrix workstream")).status()).isEqualTo(302);
        long workstream = one("SELECT id FROM consultation_workstreams WHERE consultation_id = " + id);
        assertThat(orla.post("/consultations/" + id + "/questions", Map.of("workstream", String.valueOf(workstream), "kind", "text",
                "prompt", "Anything to add?", "maxLength", "500")).status()).isEqualTo(302);
        return id;
    }

    /** A conversation Orla started (an organiser's, so officers are not its owners), open to signed-in participants, with a seed. */
    private static long orlasConversation() {
        TestClient orla = signIn(ORLA);
        orla.get("/conversations/new");
        TestClient.Response created = orla.post("/conversations", Map.of("topic", "Matrix conversation", "moderation", "strict",
                "participation", "signed_in", "seeds", "The matrix should be green."));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return Long.parseLong(created.location().substring("/conversations/".length()));
    }

    /** A row-level trigger on every table but the technical ones notes each insert, update and delete in matrix_writes. */
    private static void watchEveryTable() {
        app.database.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE matrix_writes (id BIGSERIAL PRIMARY KEY, table_name TEXT NOT NULL, operation TEXT NOT NULL)");
            h.execute("""
                    CREATE FUNCTION matrix_note() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN INSERT INTO matrix_writes (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$""");
            List<String> tables = h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'matrix_writes'")
                    .mapTo(String.class).list();
            for (String t : tables) {
                if (TECHNICAL_TABLES.contains(t)) continue;
                h.execute("CREATE TRIGGER matrix_note AFTER INSERT OR UPDATE OR DELETE ON \"" + t + "\" FOR EACH ROW EXECUTE FUNCTION matrix_note()");
            }
        });
    }

    private static long writes() {
        return app.count("SELECT coalesce(max(id), 0) FROM matrix_writes");
    }

    private static List<String> writtenSince(long id) {
        return app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT operation || ' ' || table_name FROM matrix_writes WHERE id > :id").bind("id", id).mapTo(String.class).list());
    }
}
