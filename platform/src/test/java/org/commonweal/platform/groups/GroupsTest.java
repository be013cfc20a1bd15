package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups over HTTP: identifiers, verification, invitations, requests, roles, who sees what, the register and vacancies. */
class GroupsTest extends PlatformTestCase {
    private static Groups groups;
    private static long amira, ben, chidi;

    @BeforeAll
    static void prepare() {
        groups = app.platform.feature(GroupsFeature.class).groups();
        amira = app.count("SELECT id FROM accounts WHERE email = 'amira@demo.commonweal.org'");
        ben = app.count("SELECT id FROM accounts WHERE email = 'ben@demo.commonweal.org'");
        chidi = app.count("SELECT id FROM accounts WHERE email = 'chidi@demo.commonweal.org'");
    }

    static TestClient resident(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", "demo-resident-pass");
        return c;
    }

    static Map<String, String> groupForm(String name, String kind, String identifiers) {
        return new HashMap<>(Map.of("name", name, "kind", kind, "description", "We meet on Thursdays.", "identifiers", identifiers,
                "contact", "", "website", ""));
    }

    static long create(TestClient c, Map<String, String> form) {
        c.get("/groups/new");
        TestClient.Response r = c.post("/groups", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/groups/".length()));
    }

    @Test
    void identifiersAreCheckedAgainstTheirRegistersAndAWrongFormStoresNothing() {
        TestClient ben = resident("ben");
        ben.get("/groups/new");
        Map<String, String> form = groupForm("Harbour Swimmers", "charity", "GB-CHC-12345");
        form.put("website", "harbour swimmers dot org");
        TestClient.Response r = ben.post("/groups", form);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("GB-CHC (Charity Commission/Comisiwn Elusennau) numbers are 6 or 7 digits, like GB-CHC-279417")
                .contains("href=\"#identifiers\"").contains("href=\"#website\"");
        form.put("website", "https://harbour.example");
        form.put("identifiers", "XX-ABC-1");
        assertThat(ben.post("/groups", form).body()).contains("“XX-ABC-1” does not start with a register we know");
        form.put("identifiers", "GB-SC-1234567");
        assertThat(ben.post("/groups", form).body()).contains("GB-SC (Scottish Charity Register) numbers are SC and 6 digits, like GB-SC-SC042386");
        assertThat(app.count("SELECT count(*) FROM groups WHERE name = 'Harbour Swimmers'")).isZero();

        form.put("identifiers", "gb-chc-1090095\nGB-COH-09506232");
        long id = create(ben, form);
        assertThat(groups.find(id).orElseThrow().identifiers()).containsExactly("GB-CHC-1090095", "GB-COH-09506232");
        assertThat(app.client().get("/groups/" + id).body()).contains("GB-CHC-1090095").contains("Not verified");
        assertThat(app.client().get("/search?q=Harbour+Swimmers").body()).contains("/groups/" + id);
        // One identifier, one group.
        Map<String, String> copy = groupForm("Harbour Swimmers Two", "charity", "GB-CHC-1090095");
        TestClient.Response taken = ben.post("/groups", copy);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("GB-CHC-1090095 is already the identifier of another group");
    }

    @Test
    void onlyOfficersVerifyTheCheckIsRecordedAndAChangedIdentifierIsVerifiedAgain() {
        TestClient chidi = resident("chidi");
        long id = create(chidi, groupForm("Northgate Allotments", "charity", "GB-CHC-1173575"));
        Map<String, String> check = Map.of("identifier", "GB-CHC-1173575", "checked", "Register entry: name and number match.",
                "checkedOn", LocalDate.now().minusDays(1).toString(), "outcome", "verified");
        assertThat(chidi.get("/groups/" + id + "/verify").status()).isEqualTo(403);
        assertThat(chidi.post("/groups/" + id + "/verify", check).status()).as("the group's own admin may not verify it").isEqualTo(403);
        assertThat(app.signedInAs("organiser").post("/groups/" + id + "/verify", check).status()).isEqualTo(403);
        assertThat(groups.isVerified(id)).isFalse();
        assertThat(app.count("SELECT count(*) FROM group_verifications WHERE group_id = " + id)).isZero();

        TestClient officer = app.signedInAs("officer");
        officer.get("/groups/" + id + "/verify");
        TestClient.Response future = officer.post("/groups/" + id + "/verify", Map.of("identifier", "GB-CHC-1173575", "checked", "x",
                "checkedOn", LocalDate.now().plusDays(3).toString(), "outcome", "verified"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(officer.post("/groups/" + id + "/verify", check).status()).isEqualTo(302);
        assertThat(groups.isVerified(id)).isTrue();
        assertThat(app.client().get("/groups/" + id).body()).contains("id=\"verified\"");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'group.verified' AND subject = 'group:" + id + "'")).isEqualTo(1);
        assertThat(officer.get("/groups/" + id + "/verify").body()).contains("Register entry: name and number match.");

        // The admin changes the identifier: what the officer checked no longer stands.
        chidi.get("/groups/" + id + "/edit");
        assertThat(chidi.post("/groups/" + id, groupForm("Northgate Allotments", "charity", "GB-CHC-279417")).status()).isEqualTo(302);
        assertThat(groups.isVerified(id)).isFalse();
    }

    @Test
    void anInvitationWorksOnceAndOnlyForTheAddressInvited() {
        TestClient amiraClient = resident("amira");
        long id = create(amiraClient, groupForm("Riverside Litter Pickers", "community_group", ""));
        amiraClient.get("/groups/" + id + "/members");
        assertThat(amiraClient.post("/groups/" + id + "/invites", Map.of("email", "not an address", "role", "member")).status()).isEqualTo(422);
        assertThat(amiraClient.post("/groups/" + id + "/invites", Map.of("email", "chidi@demo.commonweal.org", "role", "treasurer")).status()).isEqualTo(302);
        String mail = app.latestMailBody("chidi@demo.commonweal.org");
        Matcher link = Pattern.compile("/groups/invites/([A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        String path = link.group();
        assertThat(app.count("SELECT count(*) FROM group_invites WHERE token_hash = '" + link.group(1) + "'")).as("only a hash is stored").isZero();

        TestClient benClient = resident("ben");
        assertThat(benClient.get(path).body()).contains("id=\"other-address\"");
        assertThat(benClient.post(path, Map.of()).status()).isEqualTo(403);
        assertThat(groups.role(id, ben)).isEmpty();

        TestClient chidiClient = resident("chidi");
        chidiClient.get(path);
        assertThat(chidiClient.post(path, Map.of()).status()).isEqualTo(302);
        assertThat(groups.role(id, chidi)).contains("treasurer");
        assertThat(groups.isAdmin(id, chidi)).isFalse();
        assertThat(chidiClient.post(path, Map.of()).status()).as("the link works once").isEqualTo(409);
        assertThat(chidiClient.get(path).status()).isEqualTo(409);
    }

    /** The invitation link the latest mail to the address holds. */
    private static String invitationLink(String email) {
        String mail = app.latestMailBody(email);
        Matcher link = Pattern.compile("/groups/invites/[A-Za-z0-9_-]+").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        return link.group();
    }

    @Test
    void anAdminWithdrawsAnInvitationAndItsLinkSaysSo() {
        TestClient amiraClient = resident("amira");
        long id = create(amiraClient, groupForm("Harbour Kayakers", "community_group", ""));
        amiraClient.get("/groups/" + id + "/members");
        assertThat(amiraClient.post("/groups/" + id + "/invites", Map.of("email", "chidi@demo.commonweal.org", "role", "member")).status()).isEqualTo(302);
        String path = invitationLink("chidi@demo.commonweal.org");
        long invite = app.count("SELECT max(id) FROM group_invites WHERE group_id = " + id);
        String withdraw = "/groups/" + id + "/invites/" + invite + "/withdraw";
        assertThat(amiraClient.get("/groups/" + id + "/members").body()).contains("action=\"" + withdraw + "\"")
                .contains("Withdraw the invitation to chidi@demo.commonweal.org");

        // Not the group's admin: neither a member of another group, nor the person invited, may withdraw it.
        TestClient benClient = resident("ben");
        benClient.get("/groups");
        assertThat(benClient.post(withdraw, Map.of()).status()).isEqualTo(403);
        TestClient chidiClient = resident("chidi");
        chidiClient.get(path);
        assertThat(chidiClient.post(withdraw, Map.of()).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM group_invites WHERE withdrawn_at IS NOT NULL AND group_id = " + id)).isZero();
        // An invitation of another group is not this group's to withdraw.
        long other = create(amiraClient, groupForm("Harbour Rowers", "community_group", ""));
        assertThat(amiraClient.post("/groups/" + other + "/invites/" + invite + "/withdraw", Map.of()).status()).isEqualTo(404);

        assertThat(amiraClient.post(withdraw, Map.of()).status()).isEqualTo(302);
        assertThat(amiraClient.get("/groups/" + id + "/members").body()).doesNotContain("id=\"invites\"");
        assertThat(amiraClient.post(withdraw, Map.of()).status()).as("withdrawn once").isEqualTo(409);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'group.invite_withdrawn' AND subject = 'group:" + id + "'")).isEqualTo(1);

        TestClient.Response shown = chidiClient.get(path);
        assertThat(shown.status()).isEqualTo(409);
        assertThat(shown.body()).contains("This invitation was withdrawn").contains("withdrew this invitation, so the link no longer works");
        TestClient.Response accepted = chidiClient.post(path, Map.of());
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.body()).contains("This invitation was withdrawn");
        assertThat(groups.role(id, chidi)).isEmpty();
    }

    @Test
    void theInviteeDeclinesAndNobodyElseCan() {
        TestClient amiraClient = resident("amira");
        long id = create(amiraClient, groupForm("Quayside Choir", "community_group", ""));
        amiraClient.get("/groups/" + id + "/members");
        assertThat(amiraClient.post("/groups/" + id + "/invites", Map.of("email", "chidi@demo.commonweal.org", "role", "secretary")).status()).isEqualTo(302);
        String path = invitationLink("chidi@demo.commonweal.org");

        TestClient benClient = resident("ben");
        benClient.get(path);
        assertThat(benClient.post(path + "/decline", Map.of()).status()).as("another resident cannot decline it").isEqualTo(403);
        assertThat(amiraClient.post(path + "/decline", Map.of()).status()).as("nor can the group's admin").isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM group_invites WHERE declined_at IS NOT NULL AND group_id = " + id)).isZero();

        TestClient chidiClient = resident("chidi");
        assertThat(chidiClient.get(path).body()).contains("formaction=\"" + path + "/decline\"");
        assertThat(chidiClient.post(path + "/decline", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'group.invite_declined' AND subject = 'group:" + id + "'")).isEqualTo(1);
        assertThat(amiraClient.get("/groups/" + id + "/members").body()).doesNotContain("id=\"invites\"");
        TestClient.Response again = chidiClient.post(path, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("You declined this invitation");
        assertThat(chidiClient.post(path + "/decline", Map.of()).status()).isEqualTo(409);
        assertThat(groups.role(id, chidi)).isEmpty();
    }

    @Test
    void aRequestToJoinWaitsForTheGroupsAdmin() {
        TestClient amiraClient = resident("amira");
        long id = create(amiraClient, groupForm("Quay Book Club", "community_group", ""));
        TestClient chidiClient = resident("chidi");
        chidiClient.get("/groups/" + id);
        assertThat(chidiClient.post("/groups/" + id + "/join", Map.of("message", "I read a lot")).status()).isEqualTo(302);
        assertThat(groups.role(id, chidi)).as("asking is not joining").isEmpty();
        assertThat(chidiClient.get("/groups/" + id).body()).contains("id=\"asked\"");
        TestClient benClient = resident("ben");
        benClient.get("/groups/" + id);
        assertThat(benClient.post("/groups/" + id + "/requests/" + chidi + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(benClient.get("/groups/" + id + "/members").status()).isEqualTo(403);
        assertThat(groups.role(id, chidi)).isEmpty();
        assertThat(amiraClient.get("/groups/" + id + "/members").body()).contains("I read a lot");
        assertThat(amiraClient.post("/groups/" + id + "/requests/" + chidi + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(groups.role(id, chidi)).contains("member");
        // Roles change with dates; an ended membership no longer counts.
        amiraClient.get("/groups/" + id + "/members/" + chidi);
        assertThat(amiraClient.post("/groups/" + id + "/members/" + chidi, Map.of("role", "secretary", "startedOn", "2026-01-01", "endedOn", "")).status())
                .isEqualTo(302);
        assertThat(groups.role(id, chidi)).contains("secretary");
        assertThat(amiraClient.post("/groups/" + id + "/members/" + chidi, Map.of("role", "secretary", "startedOn", "2026-01-01", "endedOn", "2025-01-01"))
                .status()).isEqualTo(422);
        assertThat(amiraClient.post("/groups/" + id + "/members/" + chidi, Map.of("role", "secretary", "startedOn", "2020-01-01",
                "endedOn", LocalDate.now().minusDays(1).toString())).status()).isEqualTo(302);
        assertThat(groups.role(id, chidi)).isEmpty();
        // The last admin cannot stop running the group.
        amiraClient.get("/groups/" + id + "/members/" + amira);
        TestClient.Response last = amiraClient.post("/groups/" + id + "/members/" + amira, Map.of("role", "chair", "startedOn", "2026-01-01", "endedOn", ""));
        assertThat(last.status()).isEqualTo(422);
        assertThat(last.body()).contains("Someone else must run the group");
        assertThat(groups.isAdmin(id, amira)).isTrue();
    }

    @Test
    void aStrangerSeesOfficersButNeverPrivateMembershipsNorTheRegister() {
        TestClient amiraClient = resident("amira");
        Map<String, String> form = groupForm("Eastfield Community Energy", "community_benefit_society", "");
        long id = create(amiraClient, form);
        groups.addMember(id, ben, "member", false, Actor.SYSTEM);
        groups.addMember(id, chidi, "treasurer", false, Actor.SYSTEM);
        String page = app.client().get("/groups/" + id).body();
        assertThat(page).contains("Chidi Okafor, Treasurer").doesNotContain("Ben Carter");
        // Ben chooses to be shown, but the group does not show plain members.
        TestClient benClient = resident("ben");
        benClient.get("/groups/" + id);
        assertThat(benClient.post("/groups/" + id + "/shown", Map.of("shown", "public")).status()).isEqualTo(302);
        assertThat(app.client().get("/groups/" + id).body()).doesNotContain("Ben Carter");
        form.put("membersPublic", "yes");
        amiraClient.get("/groups/" + id + "/edit");
        assertThat(amiraClient.post("/groups/" + id, form).status()).isEqualTo(302);
        assertThat(app.client().get("/groups/" + id).body()).contains("Ben Carter, Member");
        // Chidi hides himself: his officer role no longer shows.
        TestClient chidiClient = resident("chidi");
        chidiClient.get("/groups/" + id);
        assertThat(chidiClient.post("/groups/" + id + "/shown", Map.of("shown", "hidden")).status()).isEqualTo(302);
        assertThat(app.client().get("/groups/" + id).body()).doesNotContain("Chidi Okafor");
        assertThat(app.client().get("/open-data/groups.csv").body()).doesNotContain("Chidi").doesNotContain("Ben Carter").contains("Eastfield Community Energy");

        // The register: its admins only.
        TestClient.Response visitor = app.client().get("/groups/" + id + "/register.csv");
        assertThat(visitor.status()).isEqualTo(302);
        assertThat(benClient.get("/groups/" + id + "/register.csv").status()).as("a member is not an admin").isEqualTo(403);
        assertThat(app.signedInAs("officer").get("/groups/" + id + "/register.csv").status()).isEqualTo(403);
        TestClient.Response register = amiraClient.get("/groups/" + id + "/register.csv");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.header("Content-Type")).startsWith("text/csv");
        List<String> lines = register.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("name,email,role,admin,started_on,ended_on,current");
        assertThat(lines).hasSize(4).anyMatch(l -> l.startsWith("Ben Carter,ben@demo.commonweal.org,Member,false,"))
                .anyMatch(l -> l.startsWith("Chidi Okafor,chidi@demo.commonweal.org,Treasurer,false,"));
        // A group of a kind that keeps no register has none to download.
        long club = create(amiraClient, groupForm("Eastfield Walkers", "community_group", ""));
        assertThat(amiraClient.get("/groups/" + club + "/register.csv").status()).isEqualTo(404);
    }

    @Test
    void aBoardElectionTakesItsElectorateFromTheRegister() {
        TestClient organiser = app.signedInAs("organiser");
        long orla = app.count("SELECT id FROM accounts WHERE email = 'organiser@demo.commonweal.org'");
        long coop = create(organiser, groupForm("Riverford Bakery Co-operative", "cooperative_society", ""));
        groups.addMember(coop, amira, "member", false, Actor.SYSTEM);
        groups.addMember(coop, ben, "trustee", false, Actor.SYSTEM);
        assertThat(groups.electorate(coop)).containsExactlyInAnyOrder(orla, amira, ben);
        long club = create(organiser, groupForm("Riverford Chess Club", "community_group", ""));
        assertThat(groups.electorate(club)).as("a club keeps no register").isEmpty();

        organiser.get("/elections/manage/new");
        TestClient.Response made = organiser.post("/elections/manage/new", electionForm("Bakery board"));
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        long election = Long.parseLong(made.location().substring("/elections/manage/".length()));
        assertThat(organiser.get("/elections/manage/" + election).body()).contains("Riverford Bakery Co-operative").doesNotContain("Riverford Chess Club");
        TestClient.Response wrong = organiser.post("/elections/manage/" + election + "/electors/register", Map.of("group", String.valueOf(club)));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(organiser.post("/elections/manage/" + election + "/electors/register", Map.of("group", String.valueOf(coop))).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM election_electors WHERE election_id = " + election)).isEqualTo(3);
        assertThat(app.client().get("/groups/" + coop).body()).contains("Elections held").contains("Bakery board");
    }

    private static Map<String, String> electionForm(String title) {
        var now = java.time.LocalDateTime.now(org.commonweal.platform.elections.BoardElectionForm.ZONE).withSecond(0).withNano(0);
        return Map.of("title", title, "seats", "1", "rule", "scottish", "opensAt", now.minusHours(1).toString(), "closesAt", now.plusDays(1).toString(),
                "candidateName0", "Ada", "candidateStatement0", "", "candidateName1", "Bea", "candidateStatement1", "");
    }

    @Test
    void aVacancyFindsResidentsWhoOptedInAndResidentsSeeVacanciesMatchingThem() {
        long foodBank = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        long vacancy = app.count("SELECT id FROM group_vacancies WHERE group_id = " + foodBank);
        String matches = "/groups/" + foodBank + "/vacancies/" + vacancy + "/matches";
        TestClient benClient = resident("ben");
        String found = benClient.get(matches).body();
        assertThat(found).as("Amira has finance skills and asked to be found").contains("Amira Hassan");
        assertThat(found).as("Chidi already belongs to the group").doesNotContain("Chidi Okafor");
        assertThat(resident("chidi").get(matches).status()).as("a member who does not run the group").isEqualTo(403);
        assertThat(app.client().get(matches).status()).isEqualTo(302);
        assertThat(app.client().get("/groups/" + foodBank + "/vacancies/" + vacancy).body()).contains("Treasurer").doesNotContain("Amira Hassan");

        TestClient amiraClient = resident("amira");
        assertThat(amiraClient.get("/account/skills").body()).contains("Treasurer at Riverford Food Bank");
        assertThat(amiraClient.post("/account/skills", Map.of("skills", "not-a-skill", "interests", "", "findable", "yes")).status()).isEqualTo(422);
        assertThat(amiraClient.post("/account/skills", Map.of("skills", "finance", "interests", "green", "findable", "")).status()).isEqualTo(302);
        assertThat(benClient.get(matches).body()).as("she no longer asks to be found").doesNotContain("Amira Hassan");
        assertThat(amiraClient.get("/account/skills").body()).as("but still sees what matches her").contains("Treasurer at Riverford Food Bank");
        assertThat(amiraClient.post("/account/skills", Map.of("skills", "finance,governance", "interests", "green", "findable", "yes")).status()).isEqualTo(302);
    }

    @Test
    void otherFeaturesAddTheirSectionsToTheGroupsPage() {
        long association = app.count("SELECT id FROM groups WHERE name LIKE 'Riverside Residents%'");
        assertThat(app.client().get("/groups/" + association).body()).as("the demo association answered a consultation").contains("Consultations answered");
        long branch = app.count("SELECT id FROM groups WHERE name LIKE '%Green Futures%'");
        TestClient organiser = app.signedInAs("organiser");
        organiser.get("/events/new");
        String day = LocalDate.now().plusDays(9).toString();
        long place = app.count("SELECT min(id) FROM places WHERE kind = 'ward'");
        Map<String, String> event = new HashMap<>(Map.of("kind", "meeting", "title", "Branch open evening", "description", "Come along.",
                "startDate", day, "startTime", "18:30", "endDate", day, "endTime", "20:00", "place", String.valueOf(place)));
        event.putAll(Map.of("venue", "The Old Library", "onlineUrl", "", "capacity", "", "registrationOpen", "yes", "group", String.valueOf(association)));
        assertThat(organiser.post("/events", event).status()).as("Orla does not run the association").isEqualTo(422);
        event.put("group", String.valueOf(branch));
        assertThat(organiser.post("/events", event).status()).isEqualTo(302);
        assertThat(app.client().get("/groups/" + branch).body()).contains("Branch open evening");
    }

    @Test
    void aLogoIsAnImageUnderTheLimitWithItsTextAndOnlyTheGroupsAdminsChangeIt() {
        TestClient chidiClient = resident("chidi");
        long id = create(chidiClient, groupForm("Quayside Rowing Club", "community_group", ""));
        chidiClient.get("/groups/" + id + "/edit");
        byte[] png = new byte[200];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        String path = "/groups/" + id + "/logo";
        TestClient.Response noAlt = org.commonweal.platform.elections.Multipart.post(app, chidiClient, path, Map.of("logoAlt", ""), "logo", "logo.png", png);
        assertThat(noAlt.status()).isEqualTo(422);
        assertThat(noAlt.body()).contains("href=\"#logoAlt\"");
        TestClient.Response html = org.commonweal.platform.elections.Multipart.post(app, chidiClient, path, Map.of("logoAlt", "Our boat"), "logo", "logo.png",
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.status()).as("a page renamed .png is not an image").isEqualTo(422);
        byte[] large = new byte[Logos.MAX_BYTES + 1];
        System.arraycopy(png, 0, large, 0, 8);
        assertThat(org.commonweal.platform.elections.Multipart.post(app, chidiClient, path, Map.of("logoAlt", "Our boat"), "logo", "big.png", large).status())
                .isEqualTo(422);
        TestClient benClient = resident("ben");
        benClient.get("/groups/" + id);
        assertThat(org.commonweal.platform.elections.Multipart.post(app, benClient, path, Map.of("logoAlt", "Mine"), "logo", "logo.png", png).status())
                .isEqualTo(403);
        assertThat(app.client().get(path).status()).as("nothing stored by the refusals").isEqualTo(404);

        assertThat(org.commonweal.platform.elections.Multipart.post(app, chidiClient, path, Map.of("logoAlt", "Our boat on the river"), "logo", "logo.png", png)
                .status()).isEqualTo(302);
        TestClient.Response served = app.client().get(path);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(app.client().get("/groups/" + id).body()).contains("alt=\"Our boat on the river\"");
    }

    @Test
    void theDirectoryFiltersByNameKindPlaceAndThemeAPageAtATime() {
        String all = app.client().get("/groups").body();
        assertThat(all).contains("Riverford Food Bank").contains("Quayside Community Energy");
        assertThat(app.client().get("/groups?name=food").body()).contains("Riverford Food Bank").doesNotContain("Quayside Community Energy");
        assertThat(app.client().get("/groups?name=100%25_").body()).contains("id=\"no-groups\"");
        assertThat(app.client().get("/groups?kind=community_benefit_society").body()).contains("Quayside Community Energy").doesNotContain("Riverford Food Bank");
        assertThat(app.client().get("/groups?theme=green").body()).contains("Quayside Community Energy").doesNotContain("St Mark");
        long energyWard = app.count("SELECT p.place_id FROM group_places p JOIN groups g ON g.id = p.group_id WHERE g.name = 'Quayside Community Energy'");
        String inWard = app.client().get("/groups?place=" + energyWard).body();
        assertThat(inWard).contains("Quayside Community Energy").contains("Riverford Food Bank").doesNotContain("Northgate Makers");
        assertThat(app.client().get("/groups?kind=nonsense&place=x&theme=%3Cscript%3E&page=-3").status()).as("odd filters are ignored").isEqualTo(200);
        for (int i = 0; i < 21; i++) {
            groups.create(org.commonweal.platform.core.http.Form.empty().set("name", "Paging Club " + i).set("kind", "faith_group")
                    .set("description", "We meet."), amira, Actor.SYSTEM).orElseThrow();
        }
        assertThat(app.client().get("/groups?kind=faith_group").body()).contains("page=1");
        assertThat(app.client().get("/groups?kind=faith_group&page=1").body()).contains("Paging Club");
    }
}
