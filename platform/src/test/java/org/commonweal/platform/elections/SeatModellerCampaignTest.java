package org.commonweal.platform.elections;

import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.ResultsCsv;
import org.commonweal.elections.model.AllianceModel;
import org.commonweal.elections.model.AmsAssumption;
import org.commonweal.elections.model.Poll;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.ScenarioResult;
import org.commonweal.elections.model.StvAssumption;
import org.commonweal.elections.model.StvGrouping;
import org.commonweal.elections.model.SwingKind;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The modeller as campaigners use it: party names, results first with a key, the map, polls, STV, AMS house size and Monte Carlo chances. */
class SeatModellerCampaignTest extends PlatformTestCase {
    private static final String GE2024 = "uk-elections/HoC-GE2024-results-by-constituency.csv";
    private static final String MAP = "uk-elections/uk-constituencies-2023.hexjson";
    static TestClient organiser;
    static long setId;
    static String csv;
    static String hexJson;

    @BeforeAll
    static void prepare() throws Exception {
        organiser = app.signedInAs("organiser");
        csv = Files.readString(Multipart.sharedData(GE2024));
        hexJson = Files.readString(Multipart.sharedData(MAP));
        organiser.get("/elections/modeller");
        TestClient.Response r = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "GE 2024 with map"),
                Map.of("file", Map.entry("ge2024.csv", csv.getBytes(StandardCharsets.UTF_8)), "map", Map.entry("map.hexjson", hexJson.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        setId = Long.parseLong(r.location().substring("/elections/modeller/".length()));
    }

    @Test
    void partiesAreOfferedByNameTheCommonOnesFirstAndTheRestGrouped() throws Exception {
        String body = organiser.get("/elections/modeller/" + setId).body();
        assertThat(body).contains(">Labour</label>").contains(">Liberal Democrat</label>").contains(">Reform UK</label>")
                .doesNotContain(">Lab</label>").doesNotContain(">LD</label>");
        // The candidate file's 80-odd small parties: not checkboxes on the first screen, but in an "Other parties" group.
        organiser.get("/elections/modeller");
        TestClient.Response upload = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "GE 2024 candidates"), "file", "ge2024c.csv",
                Files.readAllBytes(Multipart.sharedData("uk-elections/HoC-GE2024-results-by-candidate.csv")));
        String candidates = organiser.get(upload.location()).body();
        assertThat(candidates).containsPattern("Other parties \\([5-9]\\d\\)").contains(">Workers Party of Britain</label>")
                .contains("<optgroup label=\"Other parties\">");
        assertThat(candidates.indexOf(">Workers Party of Britain</label>")).isGreaterThan(candidates.indexOf("<details class=\"govuk-details govuk-!-margin-top-3\""));
    }

    @Test
    void resultsComeFirstWithAKeyTheMapAndItsTableAndTheMapDownloads() {
        String query = "pollShare.Con=30&pollShare.Lab=30&pollKind=uniform&runs=0&seed=1";
        TestClient.Response page = organiser.get("/elections/modeller/" + setId + "?" + query);
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body.indexOf("id=\"seats-table\"")).isLessThan(body.indexOf("id=\"scenario\"")).isPositive();
        assertThat(body).contains("class=\"govuk-list cw-legend\"").containsPattern("Conservative: 121 before, \\d+ after");
        String map = body.substring(body.indexOf("class=\"cw-hexmap\""), body.indexOf("</svg>", body.indexOf("class=\"cw-hexmap\"")));
        assertThat(Pattern.compile("<polygon ").matcher(map).results().count()).isEqualTo(1300);
        assertThat(map).contains(", changes to Conservative</title>").contains("Changes hands: ");
        assertThat(body).contains("id=\"map-table\"").doesNotContain("style=");
        TestClient.Response svg = organiser.get("/elections/modeller/" + setId + "/map.svg?" + query);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.header("Content-Disposition")).startsWith("attachment");
        assertThat(svg.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("Conservative: 121 → ");
    }

    @Test
    void aPollAnStvProjectionAndAnAmsHouseOf650GiveTheEnginesFigures() {
        String query = "pollShare.Lab=30&pollShare.Con=25&pollKind=proportional&amsHouse=650&amsListSeats=250&stvSize=5"
                + "&stvFrom0=Green&stvTo0=Lab&stvShare0=0.5&runs=0&seed=3";
        List<ConstituencyResult> results = ResultsCsv.parse("ge2024.csv", csv);
        Map<String, List<String>> groups;
        try {
            groups = StvGrouping.adjacent(results, HexJson.parse(hexJson), 5);
        } catch (HexJson.Unreadable e) {
            throw new AssertionError(e);
        }
        Scenario scenario = new Scenario(null, null, null, null, null, new AmsAssumption(250, 1, 650, Map.of()), null,
                List.of(new Poll(null, SwingKind.PROPORTIONAL, Map.of("Lab", new BigDecimal("30"), "Con", new BigDecimal("25")))), null, null, null, null,
                new StvAssumption(groups, 5, Map.of("Green", Map.of("Lab", new BigDecimal("0.5")))));
        ScenarioResult expected = new AllianceModel(results, scenario, new Lot(3)).central();
        TestClient.Response page = organiser.get("/elections/modeller/" + setId + "?" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(SeatModellerTest.row(page.body(), "Labour").get(1)).isEqualTo(String.valueOf(expected.seatsAfter().get("Lab")));
        String proportional = page.body().substring(page.body().indexOf("id=\"proportional-table\""));
        assertThat(proportional).contains(">STV</th>").contains("AMS adds 250 list members")
                .containsPattern("Labour</th>\\s*<td[^>]*>" + expected.seatsAfter().get("Lab") + "</td>\\s*<td[^>]*>" + expected.dHondt().get("Lab")
                        + "</td>\\s*<td[^>]*>" + expected.sainteLague().get("Lab") + "</td>\\s*<td[^>]*>" + expected.ams().get("Lab")
                        + "</td>\\s*<td[^>]*>" + expected.stv().get("Lab") + "</td>");
        assertThat(expected.ams().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
    }

    @Test
    void monteCarloGivesEachPartysChanceOfMostSeatsAndOfAMajority() {
        TestClient.Response page = organiser.get("/elections/modeller/" + setId + "?pollShare.Lab=31&pollShare.Con=29&regionSd=3&runs=200&seed=5");
        assertThat(page.status()).isEqualTo(200);
        String table = page.body().substring(page.body().indexOf("id=\"monte-carlo-table\""));
        assertThat(table).contains("Chance of most seats").contains("Chance of a majority (326 seats)")
                .containsPattern("Labour</th>\\s*<td[^>]*>\\d{1,3}\\.\\d%</td>");
    }

    @Test
    void aBadMapOrOneWithoutTheseConstituenciesIsRefusedAndNothingIsStored() throws Exception {
        long sets = app.count("SELECT count(*) FROM election_results_sets");
        organiser.get("/elections/modeller");
        TestClient.Response notJson = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "Bad map"),
                Map.of("file", Map.entry("ge2024.csv", csv.getBytes(StandardCharsets.UTF_8)), "map", Map.entry("map.hexjson", "{\"layout\":\"odd-r\",".getBytes(StandardCharsets.UTF_8))));
        assertThat(notJson.status()).isEqualTo(422);
        assertThat(notJson.body()).contains("href=\"#map\"").contains("The map could not be used: not valid JSON (line 1");
        String ge2019 = Files.readString(Multipart.sharedData("uk-elections/HoC-GE2019-results-by-constituency.csv"));
        TestClient.Response otherSeats = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "2019 on the 2024 map"),
                Map.of("file", Map.entry("ge2019.csv", ge2019.getBytes(StandardCharsets.UTF_8)), "map", Map.entry("map.hexjson", hexJson.getBytes(StandardCharsets.UTF_8))));
        assertThat(otherSeats.status()).isEqualTo(422);
        assertThat(otherSeats.body()).contains("href=\"#map\"").containsPattern("\\d{3} of the 650 constituencies are not on the map");
        assertThat(app.count("SELECT count(*) FROM election_results_sets")).isEqualTo(sets);
    }

    @Test
    void theStvProjectionWithoutAMapSaysWhyAndBadFieldsAreNamed() throws Exception {
        organiser.get("/elections/modeller");
        TestClient.Response upload = Multipart.post(app, organiser, "/elections/modeller", Map.of("name", "No map"), "file", "ge2024.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        TestClient.Response r = organiser.get(upload.location() + "?stvSize=5&pollShare.Lab=120&amsListSeats=10&tacticalParty0=Green&tacticalShare0=0.3&seed=1&runs=0");
        assertThat(r.status()).isEqualTo(422);
        for (String field : List.of("pollShare.Lab", "amsHouse", "tacticalParty0")) {
            assertThat(r.body()).as(field).contains("href=\"#" + field + "\"");
        }
        TestClient.Response stv = organiser.get(upload.location() + "?stvSize=5&seed=1&runs=0");
        assertThat(stv.status()).isEqualTo(422);
        assertThat(stv.body()).contains("href=\"#stvSize\"").contains("The STV projection needs a map of the constituencies");
    }
}
