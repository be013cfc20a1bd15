package org.commonweal.platform.volunteers;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DBS certificates: entered by the volunteer, counted only once a safeguarding lead of one of their groups verifies
 * them; the number, issue date and status shown to those leads alone (each view audited), a level and date to
 * everyone else; the recheck rule; reminders.
 */
class DbsCheckTest extends PlatformTestCase {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static long food, energy, dan, volunteer;
    private static TestClient vol, lead, coordinator, otherLead, member;
    private static VolunteerService service;

    @BeforeAll
    static void people() {
        food = Volunteers.group(app, "Riverford Food Bank");
        energy = Volunteers.group(app, "Quayside Community Energy");
        dan = Volunteers.withRole(app, "Dan Dbs", food, "member");
        Volunteers.withRole(app, "Lena Lead", food, "safeguarding_lead");
        Volunteers.withRole(app, "Cora Coordinator", food, "volunteer_coordinator");
        Volunteers.withRole(app, "Otto Otherlead", energy, "safeguarding_lead");
        Volunteers.withRole(app, "Mia Member", food, "member");
        vol = Volunteers.client(app, "Dan Dbs");
        lead = Volunteers.client(app, "Lena Lead");
        coordinator = Volunteers.client(app, "Cora Coordinator");
        otherLead = Volunteers.client(app, "Otto Otherlead");
        member = Volunteers.client(app, "Mia Member");
        volunteer = Volunteers.profile(app, vol, dan, food);
        service = app.platform.feature(VolunteersFeature.class).volunteers();
    }

    static Map<String, String> certificate(String level, String number, LocalDate issued) {
        Map<String, String> f = new HashMap<>(Map.of("level", level, "certificateNumber", number, "issuedOn", issued.toString(),
                "updateService", "", "status", "", "statusCheckedOn", ""));
        return f;
    }

    private static String volunteerPage() {
        return "/groups/" + food + "/volunteers/" + volunteer;
    }

    @Test
    void aVolunteersCertificateCountsOnlyOnceTheirGroupsSafeguardingLeadVerifiesIt() {
        vol.get(ProfileRoutes.PATH);
        TestClient.Response bad = vol.post(ProfileRoutes.PATH + "/dbs", certificate("enhanced_both", "12345", TODAY.minusMonths(2)));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter the certificate number as exactly 12 digits").contains("href=\"#certificateNumber\"");
        assertThat(vol.post(ProfileRoutes.PATH + "/dbs", certificate("enhanced_both", "1234567890123", TODAY)).status()).as("13 digits").isEqualTo(422);
        assertThat(vol.post(ProfileRoutes.PATH + "/dbs", certificate("enhanced_both", "12345678901a", TODAY)).status()).isEqualTo(422);
        assertThat(app.count("SELECT count(*) FROM volunteer_dbs_checks WHERE volunteer_id = " + volunteer)).isZero();

        LocalDate issued = TODAY.minusMonths(2);
        assertThat(vol.post(ProfileRoutes.PATH + "/dbs", certificate("enhanced_both", "0012 3456 7890", issued)).status()).isEqualTo(302);
        assertThat(vol.get(ProfileRoutes.PATH).body()).as("the volunteer sees their own").contains("001234567890").contains("Waiting for a safeguarding lead");
        assertThat(service.find(volunteer).orElseThrow().dbs()).as("self-asserted: does not count").isEqualTo(DbsLevel.NONE);

        // Coordinators see the volunteer but never the certificate's details.
        String coordinatorsView = coordinator.get(volunteerPage()).body();
        assertThat(coordinatorsView).contains("Dan Dbs").contains("No valid DBS check").doesNotContain("001234567890");
        assertThat(coordinator.get(volunteerPage() + "/dbs").status()).isEqualTo(403);
        assertThat(member.get(volunteerPage()).status()).as("a plain member of the group").isEqualTo(403);
        assertThat(member.get(volunteerPage() + "/dbs").status()).isEqualTo(403);
        assertThat(otherLead.get(volunteerPage() + "/dbs").status()).as("a lead of another group").isEqualTo(403);
        assertThat(otherLead.get("/groups/" + energy + "/volunteers/" + volunteer + "/dbs").status()).as("not that group's volunteer").isEqualTo(404);
        assertThat(app.client().get(volunteerPage() + "/dbs").status()).isIn(302, 303);

        long viewsBefore = app.count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.dbs_viewed' AND subject = 'volunteer:" + volunteer + "'");
        String leadsView = lead.get(volunteerPage() + "/dbs").body();
        assertThat(leadsView).contains("001234567890").contains("Verify");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'volunteer.dbs_viewed' AND subject = 'volunteer:" + volunteer + "'"))
                .as("every view of the details is audited").isEqualTo(viewsBefore + 1);
        long check = app.count("SELECT max(id) FROM volunteer_dbs_checks WHERE volunteer_id = " + volunteer);
        assertThat(otherLead.post("/groups/" + energy + "/volunteers/" + volunteer + "/dbs/" + check + "/verify", Map.of()).status()).isEqualTo(404);
        assertThat(coordinator.post(volunteerPage() + "/dbs/" + check + "/verify", Map.of()).status()).isEqualTo(403);
        assertThat(lead.post(volunteerPage() + "/dbs/" + check + "/verify", Map.of()).status()).isEqualTo(302);
        assertThat(lead.post(volunteerPage() + "/dbs/" + check + "/verify", Map.of()).status()).as("once").isEqualTo(409);

        VolunteerProfile p = service.find(volunteer).orElseThrow();
        assertThat(p.dbs()).isEqualTo(DbsLevel.ENHANCED_BOTH);
        assertThat(p.dbs().matchingCode()).isEqualTo("enhanced-barred");
        assertThat(p.dbsValidUntil()).as("three years after issue").isEqualTo(issued.plusYears(3));
        assertThat(coordinator.get(volunteerPage()).body()).contains("Checked to Enhanced DBS check with the adults")
                .contains("barred lists, valid until " + Days.of(issued.plusYears(3))).doesNotContain("001234567890").doesNotContain(Days.of(issued));
        assertThat(coordinator.get("/groups/" + food + "/volunteers?dbs=enhanced").body()).contains("Dan Dbs").doesNotContain("001234567890");
    }

    @Test
    void onTheUpdateServiceTheRecheckIsAYearAfterTheLastStatusCheckAndNewInformationEndsIt() {
        long sam = Volunteers.withRole(app, "Sam Status", food, "member");
        TestClient samClient = Volunteers.client(app, "Sam Status");
        long samVolunteer = Volunteers.profile(app, samClient, sam, food);
        String page = "/groups/" + food + "/volunteers/" + samVolunteer;
        LocalDate issued = TODAY.minusYears(2);
        Map<String, String> form = certificate("enhanced", "555566667777", issued);
        form.put("updateService", "yes");
        form.put("status", "BLANK_NO_NEW_INFO");
        form.put("statusCheckedOn", TODAY.minusMonths(3).toString());
        lead.get(page + "/dbs");
        assertThat(lead.post(page + "/dbs", form).status()).as("a lead's own entry counts at once").isEqualTo(302);
        VolunteerProfile p = service.find(samVolunteer).orElseThrow();
        assertThat(p.dbs()).isEqualTo(DbsLevel.ENHANCED);
        assertThat(p.dbsValidUntil()).isEqualTo(TODAY.minusMonths(3).plusYears(1));

        long check = app.count("SELECT max(id) FROM volunteer_dbs_checks WHERE volunteer_id = " + samVolunteer);
        assertThat(lead.get(page + "/dbs/" + check + "/status").body()).contains("555566667777");
        TestClient.Response wrong = lead.post(page + "/dbs/" + check + "/status", Map.of("status", "MAYBE", "statusCheckedOn", TODAY.plusDays(2).toString()));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("href=\"#status\"").contains("href=\"#statusCheckedOn\"");
        assertThat(lead.post(page + "/dbs/" + check + "/status", Map.of("status", "NEW_INFO", "statusCheckedOn", TODAY.toString())).status()).isEqualTo(302);
        assertThat(service.find(samVolunteer).orElseThrow().dbs()).as("new information: a new check is needed").isEqualTo(DbsLevel.NONE);
        assertThat(lead.get(page + "/dbs").body()).contains("New information: a new check is needed");

        form.put("updateService", "");
        TestClient.Response statusWithout = lead.post(page + "/dbs", form);
        assertThat(statusWithout.body()).contains("Only a certificate on the Update Service has a status check");
        form.put("status", "");
        form.put("statusCheckedOn", "");
        assertThat(lead.post(page + "/dbs", form).status()).isEqualTo(302);
        long plain = app.count("SELECT max(id) FROM volunteer_dbs_checks WHERE volunteer_id = " + samVolunteer);
        assertThat(lead.post(page + "/dbs/" + plain + "/status", Map.of("status", "BLANK_NO_NEW_INFO", "statusCheckedOn", TODAY.toString())).status())
                .as("no status checks off the Update Service").isEqualTo(409);
    }

    @Test
    void aRecheckDueWithinThirtyDaysIsMailedOnceToTheVolunteerAndTheGroupsSafeguardingLeads() {
        long rita = Volunteers.withRole(app, "Rita Reminder", food, "member");
        TestClient ritaClient = Volunteers.client(app, "Rita Reminder");
        long ritaVolunteer = Volunteers.profile(app, ritaClient, rita, food);
        String page = "/groups/" + food + "/volunteers/" + ritaVolunteer;
        lead.get(page + "/dbs");
        // Issued three years less twenty days ago: the recheck is due in twenty days.
        assertThat(lead.post(page + "/dbs", certificate("standard", "999988887777", TODAY.minusYears(3).plusDays(20))).status()).isEqualTo(302);
        VolunteersFeature feature = app.platform.feature(VolunteersFeature.class);
        long before = app.count("SELECT count(*) FROM mail_outbox");
        feature.sendDbsReminders(TODAY);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'rita.reminder@example.org' AND subject LIKE 'Your DBS check is due%'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'lena.lead@example.org' AND subject LIKE 'DBS recheck due for Rita Reminder%'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'otto.otherlead@example.org'")).as("not another group's lead").isZero();
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE body LIKE '%999988887777%'")).as("never the number in mail").isZero();
        long after = app.count("SELECT count(*) FROM mail_outbox");
        feature.sendDbsReminders(TODAY);
        feature.sendDbsReminders(TODAY.plusDays(1));
        assertThat(app.count("SELECT count(*) FROM mail_outbox")).as("once per due date").isEqualTo(after);
        assertThat(after).isGreaterThan(before);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'dan.dbs@example.org'")).as("a recheck years away is not mailed").isZero();
    }

    @Test
    void aVolunteerRemovesOnlyTheirOwnCertificates() {
        long owen = Volunteers.withRole(app, "Owen Owner", food, "member");
        TestClient owenClient = Volunteers.client(app, "Owen Owner");
        long owenVolunteer = Volunteers.profile(app, owenClient, owen, food);
        assertThat(owenClient.post(ProfileRoutes.PATH + "/dbs", certificate("basic", "111122223333", TODAY.minusDays(5))).status()).isEqualTo(302);
        long owens = app.count("SELECT max(id) FROM volunteer_dbs_checks WHERE volunteer_id = " + owenVolunteer);
        long nora = Volunteers.withRole(app, "Nora Nosy", food, "member");
        TestClient noraClient = Volunteers.client(app, "Nora Nosy");
        Volunteers.profile(app, noraClient, nora, food);
        assertThat(noraClient.post(ProfileRoutes.PATH + "/dbs/" + owens + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(app.count("SELECT count(*) FROM volunteer_dbs_checks WHERE id = " + owens)).isEqualTo(1);
        assertThat(owenClient.post(ProfileRoutes.PATH + "/dbs/" + owens + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM volunteer_dbs_checks WHERE id = " + owens)).isZero();
    }
}
