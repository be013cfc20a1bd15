package org.commonweal.platform.elections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ResultsCsv;
import org.commonweal.elections.model.AllianceModel;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.ScenarioResult;
import org.commonweal.elections.model.StandDown;
import org.commonweal.elections.model.StandDownRule;
import org.commonweal.elections.model.Transfer;
import org.commonweal.elections.model.TransferShare;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The seat modeller: who may use it, uploading results, the scenario form's checks, and results equal to the engine's. */
class SeatModellerTest extends PlatformTestCase {
    private static final String GE2019 = "uk-elections/HoC-GE2019-results-by-constituency.csv";
    private static final String PACT = "alliance=Lab&alliance=LD&alliance=Green&standParty0=Green&standWhere0=all"
            + "&transferFrom0=Green&transferTo0=ally&transferShare0=0.6&runs=0&seed=7";
    static TestClient organiser;
    static long setId;
    static String csv;

    @BeforeAll
    static void prepare() throws Exception {
        organiser = app.signedInAs("organiser");
        csv = Files.readString(Multipart.sharedData(GE2019));
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "GE 2019"), "file", "ge2019.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        setId = Long.parseLong(r.location().substring("/elections/modeller/".length()));
    }

    @Test
    void residentsAreRefusedAndVisitorsSentToSignIn() {
        TestClient resident = app.signedInAs("resident");
        for (String path : List.of("/elections/modeller", "/elections/modeller/" + setId, "/elections/modeller/" + setId + "/results.csv?seed=1")) {
            assertThat(resident.get(path).status()).as(path).isEqualTo(403);
            TestClient.Response anonymous = app.client().get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.location()).startsWith("/sign-in?next=");
        }
        long sets = app.count("SELECT count(*) FROM election_results_sets");
        resident.get("/");
        TestClient.Response upload = Multipart.post(app, resident, "/elections/modeller", Map.of("name", "Sneaky"), "file", "x.csv",
                "constituency,region,party,votes\nA,R,X,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM election_results_sets")).isEqualTo(sets);
    }

    @Test
    void theHouseOfCommonsLibraryCandidateLayoutIsReadToo() throws Exception {
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "GE 2024"), "file", "ge2024.csv",
                Files.readAllBytes(Multipart.sharedData("uk-elections/HoC-GE2024-results-by-candidate.csv")));
        assertThat(r.status()).isEqualTo(302);
        TestClient.Response page = organiser.get(r.location() + "?seed=1&runs=0");
        assertThat(row(page.body(), "Labour")).containsExactly("411", "411");
        assertThat(row(page.body(), "Conservative")).containsExactly("121", "121");
    }

    @Test
    void anAdminMayUseTheModellerToo() {
        assertThat(app.signedInAs("admin").get("/elections/modeller/" + setId).status()).isEqualTo(200);
    }

    @Test
    void anUploadIsStoredAndAudited() {
        assertThat(organiser.get("/elections/modeller").body()).contains("GE 2019").contains(">650<");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'elections.results_uploaded' AND subject = 'results:" + setId + "'")).isEqualTo(1);
    }

    @Test
    void aBadFileShowsTheEnginesErrorWithItsLineAndStoresNothing() {
        long sets = app.count("SELECT count(*) FROM election_results_sets");
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "Broken"), "file", "broken.csv",
                "constituency,region,party,votes\nA,North,Lab,10\nA,North,Con\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("govuk-error-summary").contains("href=\"#file\">The file could not be read: broken.csv, line 3").as("the summary carries the whole message");
        assertThat(app.count("SELECT count(*) FROM election_results_sets")).isEqualTo(sets);
    }

    @Test
    void aFileWithANulByteIsRefusedNamingItsLineAndStoresNothing() {
        long sets = app.count("SELECT count(*) FROM election_results_sets");
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "Nul"), "file", "nul.csv",
                "constituency,region,party,votes\nA,North,Lab,10\nA,North,Co\u0000n,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("href=\"#file\"").contains("Line 3 of the file holds a control character");
        assertThat(app.count("SELECT count(*) FROM election_results_sets")).isEqualTo(sets);
    }

    @Test
    void aMissingNameOrFileIsRefusedWithAnErrorSummary() {
        long sets = app.count("SELECT count(*) FROM election_results_sets");
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", " "), "file", "empty.csv", new byte[0]);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("href=\"#name\"").contains("href=\"#file\"");
        assertThat(app.count("SELECT count(*) FROM election_results_sets")).isEqualTo(sets);
    }

    @Test
    void aFileOverTenMegabytesIsRefused() {
        long sets = app.count("SELECT count(*) FROM election_results_sets");
        byte[] big = new byte[ResultsSets.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "Big"), "file", "big.csv", big);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("smaller than 10 MB");
        assertThat(app.count("SELECT count(*) FROM election_results_sets")).isEqualTo(sets);
    }

    @Test
    void withNoChangesTheSeatsAreTheOfficialResultDrawnAsAnAccessibleArc() {
        TestClient.Response r = organiser.get("/elections/modeller/" + setId + "?runs=0&seed=1");
        assertThat(r.status()).isEqualTo(200);
        String body = r.body();
        assertThat(body).contains("<svg").contains("<title id=\"arc-before-title\">Seats before</title>").contains("role=\"img\"");
        assertThat(body).doesNotContain("style=").doesNotContain("<script>");
        assertThat(count(body, "<circle")).isEqualTo(2 * 650);
        assertThat(row(body, "Conservative")).containsExactly("365", "365");
        assertThat(row(body, "Labour")).containsExactly("202", "202");
        assertThat(body).contains("Seats that change hands (0)");
    }

    @Test
    void aPactGivesTheEnginesSeatsAndDownloadsAgreeWithThePage() throws Exception {
        ScenarioResult expected = new AllianceModel(ResultsCsv.parse("ge2019.csv", csv), new Scenario(List.of("Lab", "LD", "Green"), null,
                List.of(new StandDown("Green", StandDownRule.ALL, null)),
                List.of(new Transfer("Green", List.of(new TransferShare("ally", new BigDecimal("0.6"), null)))), null, null, null), new Lot(7)).central();
        TestClient.Response page = organiser.get("/elections/modeller/" + setId + "?" + PACT);
        assertThat(page.status()).isEqualTo(200);
        for (var party : Map.of("Con", "Conservative", "Lab", "Labour", "LD", "Liberal Democrat").entrySet()) {
            assertThat(row(page.body(), party.getValue()).get(1)).as(party.getKey()).isEqualTo(String.valueOf(expected.seatsAfter().getOrDefault(party.getKey(), 0)));
        }
        assertThat(page.body()).contains("Seats that change hands (" + expected.changes().size() + ")");
        assertThat(expected.changes()).isNotEmpty();
        JsonNode results = new ObjectMapper().readTree(organiser.get("/elections/modeller/" + setId + "/results.json?" + PACT).body());
        assertThat(results.get("seatsAfter").get("Con").asInt()).isEqualTo(expected.seatsAfter().get("Con"));
        assertThat(results.get("changes").size()).isEqualTo(expected.changes().size());
        TestClient.Response scenario = organiser.get("/elections/modeller/" + setId + "/scenario.json?" + PACT);
        assertThat(scenario.header("Content-Disposition")).startsWith("attachment");
        JsonNode s = new ObjectMapper().readTree(scenario.body());
        assertThat(s.get("alliance").toString()).isEqualTo("[\"Lab\",\"LD\",\"Green\"]");
        assertThat(s.get("transfers").get(0).get("shares").get(0).get("to").asText()).isEqualTo("ally");
        TestClient.Response table = organiser.get("/elections/modeller/" + setId + "/results.csv?" + PACT);
        assertThat(table.header("Content-Type")).startsWith("text/csv");
        List<String> lines = table.body().lines().toList();
        assertThat(lines).hasSize(651);
        assertThat(lines.stream().skip(1).filter(l -> l.split(",").length > 4 && !l.contains(",Con,Con,")).count()).isGreaterThan(0);
    }

    @Test
    void monteCarloRunsShowSeatRangesAndOdds() throws Exception {
        String query = PACT.replace("runs=0", "runs=200") + "&constituencySd=3";
        TestClient.Response page = organiser.get("/elections/modeller/" + setId + "?" + query);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Monte Carlo: 200 runs, seed 7").contains("id=\"odds-table\"");
        assertThat(page.body().substring(page.body().indexOf("id=\"odds-table\""))).containsPattern("[A-Za-z]+ \\d{1,3}\\.\\d%");
        JsonNode results = new ObjectMapper().readTree(organiser.get("/elections/modeller/" + setId + "/results.json?" + query).body());
        assertThat(results.get("monteCarlo").get("runs").asInt()).isEqualTo(200);
    }

    @Test
    void everyBadFieldIsNamedInTheErrorSummaryAndNothingIsModelled() {
        String query = "swingParty0=Con&swingKind0=uniform&swingAmount0=lots&swingParty1=Nope&swingKind1=uniform&swingAmount1=1"
                + "&standParty0=LD&standWhere0=listed&standSeats0=" + URLEncoder.encode("Atlantis", StandardCharsets.UTF_8)
                + "&transferFrom0=Green&transferTo0=Lab&transferShare0=2&runs=-1&seed=x";
        TestClient.Response r = organiser.get("/elections/modeller/" + setId + "?" + query);
        assertThat(r.status()).isEqualTo(422);
        for (String field : List.of("swingAmount0", "swingParty1", "standSeats0", "transferFrom0", "transferShare0", "runs", "seed")) {
            assertThat(r.body()).as(field).contains("href=\"#" + field + "\"").contains("id=\"" + field + "-error\"");
        }
        assertThat(r.body()).doesNotContain("id=\"seats-table\"");
        assertThat(organiser.get("/elections/modeller/" + setId + "?runs=20000&seed=1").status()).isEqualTo(422);
        TestClient.Response download = organiser.get("/elections/modeller/" + setId + "/results.csv?" + query);
        assertThat(download.status()).isEqualTo(302);
        assertThat(download.location()).isEqualTo("/elections/modeller/" + setId + "?" + query);
    }

    @Test
    void aScenarioTheEngineRefusesShowsItsReason() {
        organiser.get("/elections/modeller");
        TestClient.Response upload = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "Two parties"), "file", "two.csv",
                "constituency,region,party,votes\nHilltop,North,A,10\nHilltop,North,B,8\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).isEqualTo(302);
        TestClient.Response r = organiser.get(upload.location() + "?standParty0=A&standWhere0=all&standParty1=B&standWhere1=all&seed=1&runs=0");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The scenario does not fit these results").contains("no candidate is left in Hilltop");
        assertThat(r.body()).doesNotContain("id=\"seats-table\"");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    /** The before and after seat figures in the party's row of the seats table (the party by name, after its colour swatch). */
    static List<String> row(String body, String party) {
        String table = body.substring(body.indexOf("id=\"seats-table\""));
        Matcher m = Pattern.compile("<th scope=\"row\" class=\"govuk-table__header\">(?:<svg.*?</svg>)?\\s*" + Pattern.quote(party)
                + "</th>\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>").matcher(table);
        assertThat(m.find()).as("row for " + party).isTrue();
        return List.of(m.group(1), m.group(2));
    }
}
