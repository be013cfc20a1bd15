package org.commonweal.cli.elections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code elections model} with the campaign additions: polls, tactical voting, STV over adjacent seats, AMS house size, the map. */
class ModelCampaignCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private String file(String name, String text) throws Exception {
        return CliRun.write(dir, name, text);
    }

    @Test
    void aCampaignScenarioOn2024GivesNamesStvAmsChancesAndTheMap() throws Exception {
        String scenario = file("campaign.json", """
                {"polls": [{"kind": "uniform", "shares": {"Lab": 30, "Con": 22, "RUK": 19}}],
                 "alliance": ["Lab", "LD", "Green"],
                 "standDowns": [{"party": "Green", "where": "beneficiary-best-placed", "beneficiary": "LD"}],
                 "transfers": [{"from": "Green", "beneficiary": "LD", "shares": [{"to": "ally", "share": 0.5}]}],
                 "tactical": [{"party": "LD", "share": 0.1}],
                 "regionSd": 1.5,
                 "ams": {"houseSize": 650, "listSeats": 250, "listShares": {"Green": 10}},
                 "stv": {"seatsPerGroup": 5, "transfers": {"Green": {"Lab": 0.5, "LD": 0.3}}}}
                """);
        String svg = dir.resolve("map.svg").toString();
        CliRun run = CliRun.of("elections", "model", CliRun.ukElections("HoC-GE2024-results-by-constituency.csv"), "--scenario", scenario,
                "--json", "--runs", "100", "--seed", "2", "--svg", svg, "--hexjson", CliRun.ukElections("uk-constituencies-2023.hexjson"));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("partyNames").get("Lab").asText()).isEqualTo("Labour");
        assertThat(sum(out.get("proportional").get("stv"))).isEqualTo(650);
        assertThat(sum(out.get("proportional").get("ams"))).isEqualTo(650);
        assertThat(out.get("stvSeats").size()).isBetween(110, 140);
        assertThat(out.get("votesAfter").get("Lab").asLong()).isLessThan(out.get("votesBefore").get("Lab").asLong());
        assertThat(out.get("monteCarlo").get("majorityAt").asInt()).isEqualTo(326);
        assertThat(out.get("monteCarlo").get("mostSeats").get("Lab").asDouble()).isGreaterThan(0.5);
        String map = Files.readString(Path.of(svg));
        assertThat(map).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("Labour: 411 → ");
        assertThat(Pattern.compile("<polygon ").matcher(map).results().count()).isEqualTo(1300);
    }

    @Test
    void theTextOutputGivesVoteSharesStvAndTheChancesOfMostSeatsAndAMajority() throws Exception {
        String scenario = file("s.json", "{\"polls\": [{\"kind\": \"proportional\", \"shares\": {\"Lab\": 36, \"Con\": 36}}], \"regionSd\": 2}");
        CliRun run = CliRun.of("elections", "model", CliRun.ukElections("HoC-GE2019-results-by-constituency.csv"), "--scenario", scenario, "--runs", "200");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Lab +32\\.1 +36\\.0 +202").contains("STV not projected")
                .containsPattern("Con +most seats in \\d+\\.\\d% of runs, a majority \\(326\\+\\) in \\d+\\.\\d%");
    }

    @Test
    void aMapThatDoesNotFitTheResultsOrIsNotHexJsonIsOneLine() throws Exception {
        String scenario = file("none.json", "{}");
        CliRun old = CliRun.of("elections", "model", CliRun.ukElections("HoC-GE2019-results-by-constituency.csv"), "--scenario", scenario,
                "--svg", dir.resolve("m.svg").toString(), "--hexjson", CliRun.ukElections("uk-constituencies-2023.hexjson"));
        assertThat(old.exit()).isEqualTo(2);
        assertThat(old.err()).isEqualTo("commonweal elections: --svg: 244 of 650 constituencies are not in the hex map (by ONS id or name), so it cannot show these results\n");
        String oddQ = file("q.hexjson", "{\"layout\": \"odd-q\", \"hexes\": {\"A\": {\"q\": 0, \"r\": 0}}}");
        CliRun layout = CliRun.of("elections", "model", CliRun.ukElections("HoC-GE2024-results-by-constituency.csv"), "--scenario", scenario,
                "--svg", dir.resolve("m.svg").toString(), "--hexjson", oddQ);
        assertThat(layout.err()).isEqualTo("commonweal elections: " + oddQ + ": layout is 'odd-q'; only 'odd-r' is supported\n");
    }

    @Test
    void badCampaignFieldsAreNamed() throws Exception {
        String csv = file("r.csv", """
                constituency,region,party,votes
                Ashby,North,Con,40
                Ashby,North,Lab,35
                Colne,South,Lab,50
                Colne,South,Green,20
                """);
        String greenInNorth = file("g.json", "{\"polls\": [{\"area\": \"North\", \"kind\": \"proportional\", \"shares\": {\"Green\": 10}}]}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", greenInNorth).err()).isEqualTo("commonweal elections: " + greenInNorth
                + ": polls[0].shares.Green: has no votes in the area, so no proportional swing can give it a share (use uniform)\n");
        String oneGroup = file("stv.json", "{\"stv\": {\"groups\": {\"North\": [\"Ashby\"]}}}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", oneGroup).err())
                .isEqualTo("commonweal elections: " + oneGroup + ": stv.groups: Colne is in no group (every constituency must be in one)\n");
        String tacticalAlone = file("t.json", "{\"tactical\": [{\"party\": \"Green\", \"share\": 0.3}]}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", tacticalAlone).err())
                .isEqualTo("commonweal elections: " + tacticalAlone + ": tactical[0]: tactical voting needs a non-empty alliance\n");
        String house = file("h.json", "{\"ams\": {\"houseSize\": 10, \"listSeats\": 10}}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", house).err())
                .isEqualTo("commonweal elections: " + house + ": ams.listSeats: with a house size, must be fewer than the 10 members, got 10\n");
    }

    private static int sum(JsonNode seats) {
        int n = 0;
        for (JsonNode v : seats) n += v.asInt();
        return n;
    }
}
