package org.commonweal.platform.consultations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may run, change, read and answer which consultation, and when answers are refused. */
class ConsultationPermissionsTest extends PlatformTestCase {
    static ConsultationSetup setup;
    static long council;
    static long councilQuestion;
    static long orgA;
    static long orgB;
    static long orgBConsultation;
    static TestClient organiserB;

    @BeforeAll
    static void prepare() {
        setup = new ConsultationSetup(app);
        TestClient officer = app.signedInAs("officer");
        council = setup.create(officer, "council", "Council plan", ConsultationSetup.TODAY.minusDays(1), ConsultationSetup.TODAY.plusDays(5));
        long w = setup.workstream(officer, council, "Strand");
        councilQuestion = setup.question(officer, council, w, Map.of("kind", "text", "prompt", "Your view?"));
        setup.publish(officer, council);

        orgA = app.count("SELECT id FROM groups WHERE name LIKE '%Green Futures%'");
        // Bea starts her own group, so she runs it (and, as an organiser, its consultations).
        app.platform.accounts.createConfirmed("bea@example.org", "Bea Organiser", "bea-password-123", EnumSet.of(Role.ORGANISER), null);
        organiserB = app.client();
        organiserB.signIn("bea@example.org", "bea-password-123");
        organiserB.get("/groups/new");
        TestClient.Response created = organiserB.post("/groups", Map.of("name", "Eastfield Allotment Society", "kind", "community_group",
                "description", "Allotments on Eastfield."));
        assertThat(created.status()).isEqualTo(302);
        orgB = Long.parseLong(created.location().replace("/groups/", ""));
        orgBConsultation = setup.create(organiserB, String.valueOf(orgB), "Allotment rules", ConsultationSetup.TODAY, ConsultationSetup.TODAY.plusDays(5));
    }

    @Test
    void everySignedInRoleListsConsultationsAndSeesOnlyTheDraftsItMayRun() {
        for (String role : java.util.List.of("resident", "officer", "organiser", "moderator", "admin")) {
            TestClient.Response list = app.signedInAs(role).get("/consultations");
            assertThat(list.status()).as("GET /consultations as %s", role).isEqualTo(200);
            assertThat(list.body()).as("as %s", role).doesNotContain("Allotment rules");
        }
        TestClient.Response organisersList = organiserB.get("/consultations");
        assertThat(organisersList.status()).isEqualTo(200);
        assertThat(organisersList.body()).contains("/consultations/" + orgBConsultation + "/manage", "Allotment rules");
    }

    @Test
    void aResidentCannotCreateEditOrSeeTheOwnersResults() {
        TestClient resident = app.signedInAs("resident");
        assertThat(resident.get("/consultations/new").status()).isEqualTo(403);
        resident.get("/consultations");
        assertThat(resident.post("/consultations", Map.of("owner", "council", "title", "Mine", "body", "x", "opens", "2030-01-01", "closes", "2030-01-02")).status()).isEqualTo(403);
        assertThat(resident.get("/consultations/" + council + "/manage").status()).isEqualTo(403);
        assertThat(resident.post("/consultations/" + council + "/details", Map.of("title", "Taken")).status()).isEqualTo(403);
        assertThat(resident.post("/consultations/" + council + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(resident.get("/consultations/" + council + "/results").status()).isEqualTo(403);
        assertThat(resident.get("/consultations/" + council + "/responses.csv").status()).isEqualTo(403);
        assertThat(resident.get("/consultations/" + council + "/results/questions/" + councilQuestion).status()).isEqualTo(403);
        assertThat(resident.get("/groups/" + orgB + "/members").status()).isEqualTo(403);
        assertThat(resident.post("/groups/" + orgB, Map.of("name", "Sneaky", "kind", "community_group", "description", "x")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM consultations WHERE title IN ('Mine', 'Taken')")).isZero();
        assertThat(app.count("SELECT count(*) FROM groups WHERE name = 'Sneaky'")).isZero();
    }

    @Test
    void anOrganiserOfOneOrganisationCannotManageAnothersConsultationOrTheCouncils() {
        TestClient organiserA = app.signedInAs("organiser");
        assertThat(organiserA.get("/consultations/" + orgBConsultation + "/manage").status()).isEqualTo(403);
        assertThat(organiserA.post("/consultations/" + orgBConsultation + "/workstreams", Map.of("workstream", "Hijack")).status()).isEqualTo(403);
        assertThat(organiserA.get("/consultations/" + orgBConsultation + "/results").status()).isEqualTo(403);
        assertThat(organiserA.get("/consultations/" + council + "/manage").status()).isEqualTo(403);
        assertThat(organiserA.get("/consultations/" + orgBConsultation).status()).as("another organisation's draft is invisible").isEqualTo(404);
        // Nor may organiser A create a consultation in organisation B's name.
        organiserA.get("/consultations/new");
        TestClient.Response r = organiserA.post("/consultations", Map.of("owner", String.valueOf(orgB), "title", "Fake", "body", "x",
                "opens", "2030-01-01", "closes", "2030-01-02"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("an organisation you organise");
        assertThat(app.count("SELECT count(*) FROM consultation_workstreams WHERE title = 'Hijack'")).isZero();
        // An officer does not run an organisation's consultation either.
        assertThat(app.signedInAs("officer").get("/consultations/" + orgBConsultation + "/manage").status()).isEqualTo(403);
        // Organiser B does, and organiser A runs organisation A's.
        assertThat(organiserB.get("/consultations/" + orgBConsultation + "/manage").status()).isEqualTo(200);
        long a = setup.create(organiserA, String.valueOf(orgA), "Branch policy", ConsultationSetup.TODAY, ConsultationSetup.TODAY.plusDays(3));
        assertThat(organiserB.get("/consultations/" + a + "/manage").status()).isEqualTo(403);
    }

    @Test
    void answersOutsideThePeriodAreRefused() {
        TestClient officer = app.signedInAs("officer");
        long later = setup.create(officer, "council", "Next year", ConsultationSetup.TODAY.plusDays(30), ConsultationSetup.TODAY.plusDays(60));
        long w = setup.workstream(officer, later, "S");
        long q = setup.question(officer, later, w, Map.of("kind", "text", "prompt", "Too early?"));
        setup.publish(officer, later);
        TestClient resident = app.signedInAs("resident");
        TestClient.Response early = setup.answer(resident, later, Map.of("q" + q, "Hello"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("Answers are accepted from " + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(ConsultationSetup.TODAY.plusDays(30)));

        long past = setup.create(officer, "council", "Last year", ConsultationSetup.TODAY.minusDays(60), ConsultationSetup.TODAY.minusDays(30));
        long w2 = setup.workstream(officer, past, "S");
        long q2 = setup.question(officer, past, w2, Map.of("kind", "text", "prompt", "Too late?"));
        setup.publish(officer, past);
        assertThat(setup.answer(resident, past, Map.of("q" + q2, "Hello")).status()).isEqualTo(409);

        long closing = setup.create(officer, "council", "Closed early", ConsultationSetup.TODAY.minusDays(1), ConsultationSetup.TODAY.plusDays(5));
        long w3 = setup.workstream(officer, closing, "S");
        long q3 = setup.question(officer, closing, w3, Map.of("kind", "text", "prompt", "Closed?"));
        setup.publish(officer, closing);
        officer.get("/consultations/" + closing + "/manage");
        assertThat(officer.post("/consultations/" + closing + "/close", Map.of()).status()).isEqualTo(302);
        assertThat(setup.answer(resident, closing, Map.of("q" + q3, "Hello")).status()).isEqualTo(409);
        assertThat(app.client().get("/consultations/" + closing).body()).as("the page says when it really closed")
                .contains(org.commonweal.platform.core.i18n.Messages.ENGLISH.date(ConsultationSetup.TODAY.minusDays(1)) + " to " + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(ConsultationSetup.TODAY) + ", when it was closed early (it was planned to run to "
                        + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(ConsultationSetup.TODAY.plusDays(5)) + ")");
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE consultation_id IN (" + later + "," + past + "," + closing + ")")).isZero();
    }

    @Test
    void questionsCannotChangeOnceAnswered() {
        TestClient officer = app.signedInAs("officer");
        long c = setup.create(officer, "council", "Locked soon", ConsultationSetup.TODAY, ConsultationSetup.TODAY.plusDays(5));
        long w = setup.workstream(officer, c, "S");
        long q = setup.question(officer, c, w, Map.of("kind", "text", "prompt", "Anything?"));
        setup.publish(officer, c);
        assertThat(setup.answer(app.signedInAs("resident"), c, Map.of("q" + q, "Yes")).status()).isEqualTo(302);
        String manage = officer.get("/consultations/" + c + "/manage").body();
        assertThat(manage).contains("People have already answered");
        TestClient.Response add = officer.post("/consultations/" + c + "/questions", Map.of("workstream", String.valueOf(w), "kind", "text", "prompt", "Sneaked in"));
        assertThat(add.status()).isEqualTo(409);
        assertThat(add.body()).contains("can no longer be changed");
        officer.get("/consultations/" + c + "/manage");
        assertThat(officer.post("/consultations/" + c + "/questions/" + q + "/delete", Map.of()).status()).isEqualTo(409);
        officer.get("/consultations/" + c + "/manage");
        assertThat(officer.post("/consultations/" + c + "/workstreams/" + w + "/delete", Map.of()).status()).isEqualTo(409);
        assertThat(app.count("SELECT count(*) FROM consultation_questions WHERE consultation_id = " + c)).isEqualTo(1);
    }

    @Test
    void aBannedAccountCannotAnswerAndSeesUntilWhen() {
        long ben = app.platform.accounts.findByEmail("ben@demo.commonweal.org").orElseThrow().id();
        java.time.OffsetDateTime until = java.time.OffsetDateTime.now().plusDays(3);
        app.platform.bans.ban(ben, "Spam", until, Actor.SYSTEM);
        try {
            TestClient client = app.client();
            client.signIn("ben@demo.commonweal.org", "demo-resident-pass");
            TestClient.Response r = setup.answer(client, council, Map.of("q" + councilQuestion, "Hello"));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("until " + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(until));
        } finally {
            app.platform.bans.lift(ben, Actor.SYSTEM);
        }
    }

    @Test
    void onlyMembersAnswerForAnOrganisationAndAnsweringIsRateLimited() {
        TestClient chidi = app.client();
        chidi.signIn("chidi@demo.commonweal.org", "demo-resident-pass");
        chidi.get("/consultations/" + council + "/respond");
        assertThat(chidi.post("/consultations/" + council + "/respond", Map.of("as", String.valueOf(orgB), "q" + councilQuestion, "For them")).status()).isEqualTo(403);
        assertThat(chidi.get("/consultations/" + council + "/respond?as=" + orgB).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE organisation_id = " + orgB)).isZero();
        int status = 0;
        for (int i = 0; i < 25 && status != 429; i++) status = chidi.post("/consultations/" + council + "/respond", Map.of("q" + councilQuestion, "Again " + i)).status();
        assertThat(status).isEqualTo(429);
    }

    @Test
    void visitorsReadButAreSentToSignInToAnswer() {
        TestClient visitor = app.client();
        assertThat(visitor.get("/consultations/" + council).body()).contains("Sign in to answer");
        assertThat(visitor.get("/consultations/" + council + "/respond").status()).isEqualTo(302);
        visitor.get("/sign-in");
        assertThat(visitor.post("/consultations/" + council + "/respond", Map.of("q" + councilQuestion, "Hi")).status()).isEqualTo(403);
    }
}
