package org.commonweal.platform.core.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifying a home place by a posted one-time code or at a council desk, and losing the verification by moving. */
class ResidenceVerificationTest extends PlatformTestCase {
    private static final String PASSWORD = "a long test password";
    private static final Map<String, String> ADDRESS = Map.of("line1", "3 Harbour Steps", "line2", "", "town", "Riverford", "postcode", "rv1 2ab");

    private static long place(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static long account(String email) {
        return app.platform.accounts.findByEmail(email).orElseThrow().id();
    }

    private static TestClient resident(String email, String home) {
        app.platform.accounts.createConfirmed(email, "Resident " + email.substring(0, email.indexOf('@')), PASSWORD, Set.of(), place(home));
        TestClient c = app.client();
        c.signIn(email, PASSWORD);
        return c;
    }

    private static long rows(String table, long account) {
        return app.count("SELECT count(*) FROM " + table + " WHERE account_id = " + account);
    }

    /** Asks for a letter, has the officer print the batch, and returns the code printed on this resident's letter. */
    private static String letterCode(TestClient resident, String name) {
        resident.get("/account/residence/letter");
        assertThat(resident.post("/account/residence/letter", ADDRESS).status()).isEqualTo(302);
        TestClient officer = app.signedInAs("officer");
        assertThat(officer.get("/residence/letters").body()).contains(name);
        TestClient.Response printed = officer.post("/residence/letters/print", Map.of());
        assertThat(printed.status()).isEqualTo(200);
        assertThat(printed.header("Cache-Control")).isEqualTo("no-store");
        assertThat(printed.body()).contains("/assets/residence-letters.css");
        assertThat(app.client().get("/assets/residence-letters.css").body()).as("one letter to an A4 sheet")
                .contains("size: A4").contains("page-break-after: always");
        Matcher m = Pattern.compile("aria-label=\"Letter to " + Pattern.quote(name) + "\">[\\s\\S]*?RV1 2AB[\\s\\S]*?class=\"cw-letter__code\">([0-9A-Z]{5}-[0-9A-Z]{5})<")
                .matcher(printed.body());
        assertThat(m.find()).as("the printed letter to %s carries its address and code", name).isTrue();
        return m.group(1);
    }

    @Test
    void aLetterCodeVerifiesTheHomeOnceAndTheAddressIsDeleted() {
        TestClient lena = resident("lena@example.org", "Quayside");
        long id = account("lena@example.org");
        TestClient.Response form = lena.get("/account/residence/letter");
        assertThat(form.body()).as("the form says what happens to the address").contains("We delete it when you enter the code");

        TestClient.Response bad = lena.post("/account/residence/letter", Map.of("line1", "", "line2", "", "town", "Riverford", "postcode", "NOT A CODE"));
        assertThat(bad.status()).isEqualTo(422);
        for (int i = 0; i < 4; i++) {
            assertThat(lena.post("/account/residence/letter", Map.of("line1", "x", "line2", "", "town", "", "postcode", "")).status())
                    .as("a form sent back to mend mistakes does not use up the letters allowed").isEqualTo(422);
        }
        assertThat(bad.body()).contains("Enter address line 1").contains("Enter a full UK postcode").contains("href=\"#postcode\"");
        assertThat(rows("residence_letters", id)).as("a refused request stores nothing").isZero();

        String code = letterCode(lena, "Resident lena");
        assertThat(app.count("SELECT count(*) FROM residence_letters WHERE account_id = " + id + " AND code_hash IS NOT NULL AND code_hash <> '"
                + code + "'")).as("only a keyed hash of the code is stored").isEqualTo(1);
        assertThat(lena.get("/account").body()).contains("Code from your letter").contains("Your home is not verified");

        TestClient.Response wrong = lena.post("/account/residence/code", Map.of("code", "AAAAA-AAAAA"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("The code is not right");
        assertThat(rows("residence_verifications", id)).isZero();

        // Typed loosely: lower case, no dash, spaces.
        TestClient.Response right = lena.post("/account/residence/code", Map.of("code", " " + code.toLowerCase().replace("-", " ") + " "));
        assertThat(right.status()).as(right.body()).isEqualTo(302);
        assertThat(lena.get("/account").body()).contains("Your home in Quayside was verified by letter");
        assertThat(rows("residence_verifications", id)).isEqualTo(1);
        assertThat(rows("residence_letters", id)).as("the address goes once the code is used").isZero();
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'residence.verified' AND subject = 'account:" + id + "'")).isEqualTo(1);

        TestClient.Response again = lena.post("/account/residence/code", Map.of("code", code));
        assertThat(again.status()).as("a code works once").isEqualTo(422);
        assertThat(again.body()).contains("There is no letter with a code for your home");
    }

    @Test
    void lettersAskedForAreLimitedPerAccountAndANewOneVoidsTheOld() {
        TestClient rae = resident("rae@example.org", "Mill Lane");
        String first = letterCode(rae, "Resident rae");
        rae.get("/account/residence/letter");
        assertThat(rae.post("/account/residence/letter", ADDRESS).status()).isEqualTo(302);
        assertThat(rae.post("/account/residence/letter", ADDRESS).status()).isEqualTo(302);
        assertThat(rae.post("/account/residence/letter", ADDRESS).status()).as("three letters a day").isEqualTo(429);
        assertThat(rae.post("/account/residence/code", Map.of("code", first)).body()).as("a new request voids the posted code")
                .contains("There is no letter with a code for your home");
        assertThat(rows("residence_verifications", account("rae@example.org"))).isZero();
    }

    @Test
    void anExpiredCodeIsRefusedAndTheSweepDeletesTheAddress() {
        TestClient max = resident("max@example.org", "Old Wharf");
        long id = account("max@example.org");
        String code = letterCode(max, "Resident max");
        app.database.jdbi().useHandle(h -> h.execute("UPDATE residence_letters SET expires_at = now() - interval '1 second' WHERE account_id = " + id));
        TestClient.Response late = max.post("/account/residence/code", Map.of("code", code));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("The code has expired");
        assertThat(rows("residence_verifications", id)).isZero();
        assertThat(app.platform.accounts.residence().deleteExpiredLetters()).isGreaterThanOrEqualTo(1);
        assertThat(rows("residence_letters", id)).isZero();
    }

    @Test
    void codeAttemptsAreLimitedPerAccount() {
        TestClient nia = resident("nia@example.org", "Ferry Row");
        String code = letterCode(nia, "Resident nia");
        for (int i = 0; i < 5; i++) assertThat(nia.post("/account/residence/code", Map.of("code", "BBBBB-BBBB" + i)).status()).isEqualTo(422);
        TestClient.Response limited = nia.post("/account/residence/code", Map.of("code", code));
        assertThat(limited.status()).as("the sixth try in 15 minutes waits, right or not").isEqualTo(429);
        assertThat(rows("residence_verifications", account("nia@example.org"))).isZero();
    }

    @Test
    void anOfficerVerifiesAtADeskAuditedAndNobodyElseCan() {
        TestClient omar = resident("omar@example.org", "Castle Hill");
        long id = account("omar@example.org");
        for (String role : new String[]{"resident", "moderator", "organiser"}) {
            TestClient other = app.signedInAs(role);
            assertThat(other.get("/residence/desk?email=omar@example.org").status()).as(role).isEqualTo(403);
            assertThat(other.post("/residence/desk", Map.of("account", "" + id, "place", "" + place("Castle Hill"), "evidence", "council-tax",
                    "email", "omar@example.org")).status()).as(role).isEqualTo(403);
        }
        assertThat(omar.get("/residence/letters").status()).isEqualTo(403);
        assertThat(rows("residence_verifications", id)).isZero();

        TestClient officer = app.signedInAs("officer");
        TestClient.Response found = officer.get("/residence/desk?email=OMAR@example.org");
        assertThat(found.body()).contains("Resident omar").contains("Castle Hill").contains("Not verified").contains("Council tax bill");
        TestClient.Response noProof = officer.post("/residence/desk", Map.of("account", "" + id, "place", "" + place("Castle Hill"), "email", "omar@example.org"));
        assertThat(noProof.status()).isEqualTo(422);
        assertThat(noProof.body()).contains("Choose the kind of proof you saw");
        TestClient.Response stale = officer.post("/residence/desk", Map.of("account", "" + id, "place", "" + place("Mill Lane"), "evidence", "tenancy",
                "email", "omar@example.org"));
        assertThat(stale.status()).as("the place the officer checked is no longer the home").isEqualTo(409);
        assertThat(rows("residence_verifications", id)).isZero();

        long officerHome = app.platform.accounts.findByEmail("officer@demo.commonweal.org").orElseThrow().homePlaceId();
        TestClient.Response own = officer.post("/residence/desk", Map.of("account", "" + account("officer@demo.commonweal.org"),
                "place", "" + officerHome, "evidence", "council-tax", "email", "officer@demo.commonweal.org"));
        assertThat(own.status()).as("an officer cannot verify their own home").isEqualTo(403);
        assertThat(own.body()).contains("You cannot verify your own home");
        assertThat(rows("residence_verifications", account("officer@demo.commonweal.org"))).isZero();

        TestClient.Response done = officer.post("/residence/desk", Map.of("account", "" + id, "place", "" + place("Castle Hill"), "evidence", "tenancy",
                "email", "omar@example.org"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(officer.get(done.location()).body()).contains("Verified at a council desk on");
        long officerId = account("officer@demo.commonweal.org");
        assertThat(app.count("SELECT count(*) FROM residence_verifications WHERE account_id = " + id + " AND method = 'desk' AND evidence = 'tenancy' AND verified_by = "
                + officerId)).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'residence.verified' AND actor_id = " + officerId + " AND subject = 'account:" + id
                + "' AND detail LIKE 'desk: tenancy%'")).isEqualTo(1);
        assertThat(omar.get("/account").body()).contains("Your home in Castle Hill was verified at a council desk");
    }

    @Test
    void movingHomeAsksFirstThenDropsTheVerification() {
        TestClient pia = resident("pia@example.org", "Tanners Green");
        long id = account("pia@example.org");
        assertThat(app.platform.accounts.residence().verifyAtDesk(id, place("Tanners Green"), "council-tax", new Actor(null, "test", "test"))).isEmpty();
        TestClient.Response page = pia.get("/account");
        assertThat(page.body()).contains("Changing it removes the verification of your home");

        assertThat(pia.post("/account", Map.of("name", "Pia Renamed", "homePlace", "" + place("Tanners Green"))).status())
                .as("a change that keeps the home asks nothing").isEqualTo(302);
        assertThat(rows("residence_verifications", id)).isEqualTo(1);

        TestClient.Response ask = pia.post("/account", Map.of("name", "Pia Renamed", "homePlace", "" + place("Beacon Rise")));
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("Changing your home removes its verification").contains("Beacon Rise").contains("name=\"dropVerification\" value=\"yes\"");
        assertThat(app.platform.accounts.find(id).orElseThrow().homePlaceId()).as("nothing changes before the confirmation").isEqualTo(place("Tanners Green"));
        assertThat(rows("residence_verifications", id)).isEqualTo(1);

        TestClient.Response moved = pia.post("/account", Map.of("name", "Pia Renamed", "homePlace", "" + place("Beacon Rise"), "dropVerification", "yes"));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(app.platform.accounts.find(id).orElseThrow().homePlaceId()).isEqualTo(place("Beacon Rise"));
        assertThat(rows("residence_verifications", id)).isZero();
        assertThat(app.platform.accounts.residence().verifiedHome(id)).isEmpty();
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'residence.dropped' AND subject = 'account:" + id + "'")).isEqualTo(1);
        assertThat(pia.get("/account").body()).contains("Your home is not verified");
    }

    @Test
    void theAddressAndVerificationAreInTheDownloadAndGoWithTheAccount() throws Exception {
        TestClient quinn = resident("quinn@example.org", "Station Road");
        long id = account("quinn@example.org");
        assertThat(app.platform.accounts.residence().verifyAtDesk(id, place("Station Road"), "utility-bill", new Actor(null, "test", "test"))).isEmpty();
        quinn.get("/account/residence/letter");
        assertThat(quinn.post("/account/residence/letter", ADDRESS).status()).isEqualTo(302);

        TestClient.Response download = quinn.get("/account/export");
        JsonNode data = new ObjectMapper().readTree(download.body()).get("data");
        assertThat(data.get("residence-verification").get(0).get("method").asText()).isEqualTo("desk");
        assertThat(data.get("residence-verification").get(0).get("evidence").asText()).isEqualTo("utility-bill");
        assertThat(data.get("residence-verification").get(0).get("place").asText()).isEqualTo("Station Road");
        assertThat(data.get("residence-letter").get(0).get("address").asText()).isEqualTo("3 Harbour Steps\nRiverford");
        assertThat(data.get("residence-letter").get(0).get("postcode").asText()).isEqualTo("RV1 2AB");
        assertThat(data.get("residence-letter").get(0).has("codeHash")).isFalse();

        quinn.get("/account/delete");
        assertThat(quinn.post("/account/delete", Map.of("password", PASSWORD)).status()).isEqualTo(302);
        assertThat(rows("residence_verifications", id)).isZero();
        assertThat(rows("residence_letters", id)).isZero();
    }
}
