package org.commonweal.platform.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People involved in a story and volunteers nominated for an award are named only with their consent: asked by mail,
 * shown only after a yes, hidden again when they withdraw it; nobody else may answer for them.
 */
class NamedPeopleTest extends PlatformTestCase {
    private static long requestId(String email) {
        return app.count("SELECT max(id) FROM library_named_people WHERE email = '" + email + "'");
    }

    @Test
    void aPersonInvolvedIsShownOnlyAfterTheyAgreeAndCanWithdraw() throws Exception {
        TestClient author = LibraryTest.person("named-author@example.org", Set.of());
        TestClient officer = LibraryTest.person("named-officer@example.org", Set.of(Role.OFFICER));
        TestClient nia = LibraryTest.person("nia.named@example.org", Set.of());
        TestClient other = LibraryTest.person("named-other@example.org", Set.of());
        Map<String, String> form = LibraryTest.story("Street party on Nelson Row", "Quayside", "community", "build_capacity");
        form.put("people", "Nia.Named@example.org, nobody-here@example.org");
        long id = LibraryTest.draft(author, form);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'nia.named@example.org' AND body LIKE '%Street party on Nelson Row%/library/named%'"))
                .as("asked by mail").isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'nobody-here@example.org'")).as("an address without an account is asked too").isEqualTo(1);
        LibraryTest.publish(author, officer, id);
        assertThat(app.client().get("/library/" + id).body()).as("nobody has agreed yet").contains("2 residents").doesNotContain("Person nia.named@example.org");

        long request = app.count("SELECT id FROM library_named_people WHERE story_id = " + id + " AND email = 'nia.named@example.org'");
        assertThat(nia.get("/library/named").body()).contains("Street party on Nelson Row").contains("Not answered: your name is not shown");
        assertThat(other.get("/library/named").body()).doesNotContain("Street party on Nelson Row");
        other.get("/library/named");
        assertThat(other.post("/library/named/" + request, Map.of("consent", "given")).status()).as("nobody answers for another").isEqualTo(403);
        assertThat(author.post("/library/named/" + request, Map.of("consent", "given")).status()).as("not even the writer").isEqualTo(403);
        TestClient.Response bad = nia.post("/library/named/" + request, Map.of("consent", "maybe"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Choose whether your name may be shown");

        assertThat(nia.post("/library/named/" + request, Map.of("consent", "given")).status()).isEqualTo(302);
        assertThat(app.client().get("/library/" + id).body()).contains("Person nia.named@example.org").contains("and 1 other resident");
        assertThat(app.client().get("/library/" + id).body()).as("addresses are never shown").doesNotContain("nobody-here@example.org");
        JsonNode data = new ObjectMapper().readTree(nia.get("/account/export").body()).get("data");
        assertThat(data.get("library-named").get(0).get("story").asText()).isEqualTo("Street party on Nelson Row");
        assertThat(data.get("library-named").get(0).get("consent").asText()).isEqualTo("given");
        assertThat(new ObjectMapper().readTree(author.get("/account/export").body()).toString()).as("the writer's download holds no one else's address")
                .doesNotContain("nia.named@example.org");

        assertThat(nia.post("/library/named/" + request, Map.of("consent", "refused")).status()).as("withdrawn at any time").isEqualTo(302);
        assertThat(app.client().get("/library/" + id).body()).doesNotContain("Person nia.named@example.org").contains("2 residents");

        nia.post("/library/named/" + request, Map.of("consent", "given"));
        nia.get("/account/delete");
        assertThat(nia.post("/account/delete", Map.of("password", "a long test password")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM library_named_people WHERE email = 'nia.named@example.org'")).as("erased with the account").isZero();
        assertThat(app.client().get("/library/" + id).body()).doesNotContain("Person nia.named@example.org");
    }

    @Test
    void badAddressesAreRefusedNamingTheFieldAndStoreNothing() {
        TestClient author = LibraryTest.person("named-bad@example.org", Set.of());
        author.get("/library/new");
        Map<String, String> form = LibraryTest.story("Named badly", "Quayside", "community", "research");
        form.put("people", "friend@example.org, not-an-address");
        TestClient.Response r = author.post("/library", form);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Enter email addresses like name@example.org").contains("not-an-address").contains("href=\"#people\"");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) many.append("p").append(i).append("@example.org,");
        form.put("people", many.toString());
        assertThat(author.post("/library", form).body()).contains("Name at most 20 people");
        assertThat(app.count("SELECT count(*) FROM library_stories WHERE title = 'Named badly'")).isZero();
        assertThat(app.count("SELECT count(*) FROM library_named_people WHERE email = 'friend@example.org'")).isZero();
    }

    @Test
    void aNominatedVolunteersAwardShowsTheirNameOnlyOnceTheyAgree() throws Exception {
        TestClient officer = LibraryTest.person("vol-officer@example.org", Set.of(Role.OFFICER));
        TestClient nominator = LibraryTest.person("vol-nominator@example.org", Set.of());
        TestClient volunteer = LibraryTest.person("vol.volunteer@example.org", Set.of());
        officer.get("/celebrate");
        long round = Long.parseLong(officer.post("/celebrate/rounds", Map.of("title", "Volunteer awards")).location().substring("/celebrate/rounds/".length()));

        nominator.get("/celebrate");
        assertThat(nominator.get("/celebrate").body()).contains("Nominate a volunteer");
        TestClient.Response self = nominator.post("/celebrate/rounds/" + round + "/nominations", Map.of("person", "VOL-nominator@example.org", "reason", "Me!"));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.body()).contains("you cannot nominate yourself");
        assertThat(nominator.post("/celebrate/rounds/" + round + "/nominations", Map.of("person", "no address", "reason", "x")).body())
                .contains("Enter email addresses like name@example.org");
        assertThat(nominator.post("/celebrate/rounds/" + round + "/nominations", Map.of("person", "vol.volunteer@example.org",
                "reason", "Runs the Tuesday lunch club")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'vol.volunteer@example.org' AND body LIKE '%Volunteer awards%'")).isEqualTo(1);
        JsonNode nominations = new ObjectMapper().readTree(nominator.get("/account/export").body()).get("data").get("award-nominations");
        assertThat(nominations.get(0).get("nominatedAVolunteer").asBoolean()).isTrue();
        assertThat(nominations.toString()).doesNotContain("vol.volunteer@example.org");

        officer.get("/celebrate/rounds/" + round);
        assertThat(officer.get("/celebrate/rounds/" + round).body()).contains("Person vol.volunteer@example.org").contains("Has not agreed to be named");
        assertThat(officer.post("/celebrate/rounds/" + round + "/awards", Map.of("person", "someone-else@example.org", "citation", "x")).body())
                .as("only a nominee").contains("Choose one nominee");
        assertThat(officer.post("/celebrate/rounds/" + round + "/awards", Map.of("person", "vol.volunteer@example.org", "citation", "For 300 lunches")).status())
                .isEqualTo(302);
        assertThat(officer.post("/celebrate/rounds/" + round + "/publish", Map.of()).status()).isEqualTo(302);
        String page = app.client().get("/celebrate").body();
        assertThat(page).contains("For 300 lunches").contains("A local volunteer").doesNotContain("Person vol.volunteer@example.org");

        long request = app.count("SELECT id FROM library_named_people WHERE round_id = " + round);
        volunteer.get("/library/named");
        assertThat(volunteer.get("/library/named").body()).contains("Nominated as a volunteer in Volunteer awards");
        assertThat(volunteer.post("/library/named/" + request, Map.of("consent", "given")).status()).isEqualTo(302);
        assertThat(app.client().get("/celebrate").body()).contains("Person vol.volunteer@example.org");
        JsonNode received = new ObjectMapper().readTree(volunteer.get("/account/export").body()).get("data").get("awards-received");
        assertThat(received.get(0).get("citation").asText()).isEqualTo("For 300 lunches");
        volunteer.post("/library/named/" + request, Map.of("consent", "refused"));
        assertThat(app.client().get("/celebrate").body()).doesNotContain("Person vol.volunteer@example.org").contains("A local volunteer");
    }
}
