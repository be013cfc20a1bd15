package org.commonweal.cli.elections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SeatCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String file(String name, String text) throws Exception {
        return CliRun.write(dir, name, text);
    }

    @Test
    void fptpJsonListsTheOfficial2024SeatsAndEveryElectedMember() throws Exception {
        CliRun run = CliRun.of("elections", "fptp", CliRun.ukElections("HoC-GE2024-results-by-candidate.csv"), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("seats").get("Lab").asInt()).isEqualTo(411);
        assertThat(out.get("seats").get("RUK").asInt()).isEqualTo(5);
        assertThat(out.get("elected")).hasSize(650);
        assertThat(out.get("elected").get(0).get("constituency").asText()).isEqualTo("W07000081");
    }

    @Test
    void apportionPrintsTheDHondtAllocationAndAwardOrder() throws Exception {
        CliRun run = CliRun.of("elections", "apportion", "--method", "dhondt", "--seats", "8", "--json", "A=100000", "B=80000", "C=30000", "D=20000");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("allocation").toString()).isEqualTo("{\"A\":4,\"B\":3,\"C\":1,\"D\":0}");
        assertThat(out.get("elected").toString()).isEqualTo("[\"A\",\"B\",\"A\",\"B\",\"A\",\"C\",\"B\",\"A\"]");
    }

    @Test
    void apportionAppliesTheThreshold() {
        CliRun run = CliRun.of("elections", "apportion", "--method", "sainte-lague", "--seats", "10", "--threshold", "5", "A=600", "B=351", "C=49");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("C\\s+49 votes\\s+0 seats");
    }

    @Test
    void apportionRejectsAnUnknownMethodAndBadVotes() {
        assertThat(CliRun.of("elections", "apportion", "--method", "jefferson", "--seats", "3", "A=1").err())
                .contains("unknown apportionment method 'jefferson' (expected one of dhondt, sainte-lague, modified-sainte-lague, hare, droop)");
        CliRun bad = CliRun.of("elections", "apportion", "--method", "hare", "--seats", "3", "A=lots");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("commonweal elections: votes of 'A' must be a whole number from 0 to 10000000000 (got 'lots')\n");
    }

    /* -3 and 10^20 are whole numbers: the message says which whole numbers are accepted. */
    @Test
    void apportionNamesTheRangeOfVotesForANegativeOrHugeNumber() {
        for (String votes : java.util.List.of("-3", "100000000000000000000", "10000000001")) {
            CliRun run = CliRun.of("elections", "apportion", "--method", "dhondt", "--seats", "3", "A=" + votes, "B=5");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("commonweal elections: votes of 'A' must be a whole number from 0 to 10000000000 (got '" + votes + "')\n");
        }
    }

    @Test
    void apportionSaysWhenNobodyHasVotesAndWhenTheThresholdShutsEveryPartyOut() {
        for (String method : java.util.List.of("dhondt", "hare")) {
            CliRun none = CliRun.of("elections", "apportion", "--method", method, "--seats", "5", "A=0", "B=0");
            assertThat(none.exit()).isEqualTo(2);
            assertThat(none.err()).isEqualTo("commonweal elections: every party has 0 votes, so no seat can be allocated\n");
            CliRun shut = CliRun.of("elections", "apportion", "--method", method, "--seats", "5", "--threshold", "40", "A=10", "B=10", "C=10");
            assertThat(shut.err()).isEqualTo("commonweal elections: no party reaches the threshold of 40% of the votes, so no seat can be allocated\n");
        }
    }

    @Test
    void aMalformedResultsFileIsReportedWithItsLine() throws Exception {
        String csv = file("r.csv", "constituency,region,party,votes\nA,North,Con,10\nA,North,Lab\n");
        CliRun run = CliRun.of("elections", "fptp", csv);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("commonweal elections: " + csv + ", line 3: expected 4 fields, found 3\n");
    }

    @Test
    void aMissingResultsFileIsOneLine() {
        CliRun run = CliRun.of("elections", "fptp", dir.resolve("nothing.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).endsWith("nothing.csv: no such file\n");
    }

    @Test
    void modelJsonShowsTheSeatsThatChangeHandsAndTheProportionalCounts() throws Exception {
        String csv = file("r.csv", """
                constituency,region,party,votes
                Ashby,North,Con,40
                Ashby,North,Lab,35
                Ashby,North,LD,25
                Barton,North,Con,45
                Barton,North,LD,30
                Barton,North,Lab,25
                """);
        String scenario = file("s.json", """
                {"alliance": ["Lab", "LD"],
                 "standDowns": [{"party": "LD", "where": "ally-best-placed"}, {"party": "Lab", "where": "ally-best-placed"}],
                 "transfers": [{"from": "LD", "shares": [{"to": "ally", "share": 0.6}, {"to": "Con", "share": 0.2}]},
                               {"from": "Lab", "shares": [{"to": "ally", "share": 0.7, "sd": 0.1}]}]}
                """);
        CliRun run = CliRun.of("elections", "model", csv, "--scenario", scenario, "--json", "--runs", "200", "--seed", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("seatsBefore").toString()).isEqualTo("{\"Con\":2}");
        assertThat(out.get("seatsAfter").toString()).isEqualTo("{\"LD\":1,\"Lab\":1}");
        assertThat(out.get("changes").get(0).toString())
                .isEqualTo("{\"constituency\":\"Ashby\",\"name\":\"Ashby\",\"region\":\"North\",\"from\":\"Con\",\"to\":\"Lab\",\"marginBefore\":5,\"marginAfter\":5}");
        assertThat(out.get("elected").get(1).get("votes").toString()).isEqualTo("{\"LD\":47,\"Con\":45}");
        assertThat(out.get("proportional").get("dhondt").toString()).isEqualTo("{\"Con\":1,\"Lab\":1}");
        assertThat(out.get("monteCarlo").get("runs").asInt()).isEqualTo(200);
        assertThat(out.get("monteCarlo").get("seats").get(1).get("wins").get("LD").asInt()).isBetween(1, 199);
        CliRun again = CliRun.of("elections", "model", csv, "--scenario", scenario, "--json", "--runs", "200", "--seed", "3");
        assertThat(again.out()).isEqualTo(run.out());
    }

    @Test
    void modelOnRealResultsPrintsATable() {
        String scenario = CliRun.ukElections("HoC-GE2019-results-by-constituency.csv");
        CliRun run = CliRun.of("elections", "model", scenario, "--scenario", writeUnchecked("{\"swings\": [{\"party\": \"Lab\", \"kind\": \"uniform\", \"amount\": 4}]}"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("650 constituencies in 12 regions").contains("seats change hands");
    }

    private String writeUnchecked(String json) {
        try {
            return file("s.json", json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBadScenarioNamesTheField() throws Exception {
        String csv = CliRun.ukElections("HoC-GE2019-results-by-constituency.csv");
        String wrongKind = file("k.json", "{\"swings\": [{\"party\": \"Lab\", \"kind\": \"uniform\", \"amount\": 1}, {\"party\": \"Con\", \"kind\": \"linear\", \"amount\": 1}]}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", wrongKind).err())
                .isEqualTo("commonweal elections: " + wrongKind + ": swings[1].kind: expected \"uniform\" or \"proportional\", got \"linear\"\n");
        String unknownField = file("u.json", "{\"standDowns\": [{\"party\": \"LD\", \"where\": \"all\", \"seats\": 3}]}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", unknownField).err())
                .contains(unknownField + ": standDowns[0].seats: unknown field (expected one of beneficiary, constituencies, party, where)");
        String unknownParty = file("p.json", "{\"alliance\": [\"Lab\", \"Libs\"]}");
        CliRun party = CliRun.of("elections", "model", csv, "--scenario", unknownParty);
        assertThat(party.exit()).isEqualTo(2);
        assertThat(party.err()).startsWith("commonweal elections: " + unknownParty + ": alliance[1]: no candidate has the label 'Libs'");
        String notJson = file("j.json", "{\"swings\": [\n  {\"party\": \"Lab\",}\n]}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", notJson).err())
                .startsWith("commonweal elections: " + notJson + ", line 2, column ");
        String wrongType = file("t.json", "{\"transfers\": [{\"from\": \"LD\", \"shares\": [{\"to\": \"Lab\", \"share\": \"half\"}]}]}");
        assertThat(CliRun.of("elections", "model", csv, "--scenario", wrongType).err())
                .contains(wrongType + ": transfers[0].shares[0].share: expected a number, got \"half\"");
    }

    @Test
    void modelNeedsAScenario() {
        CliRun run = CliRun.of("elections", "model", CliRun.ukElections("HoC-GE2019-results-by-constituency.csv"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("commonweal elections: missing --scenario\n");
    }

    @Test
    void apportionNamesAMissingOrOutOfRangeSeatCountAndAcceptsNameEqualsValue() {
        CliRun missing = CliRun.of("elections", "apportion", "--method", "dhondt", "A=1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("commonweal elections: missing --seats\n");
        CliRun tooMany = CliRun.of("elections", "apportion", "--method", "dhondt", "--seats", "1000001", "A=1");
        assertThat(tooMany.err()).isEqualTo("commonweal elections: --seats must be a whole number from 0 to 1000000 (got '1000001')\n");
        CliRun switchWithValue = CliRun.of("elections", "apportion", "--method=dhondt", "--seats=2", "--json=yes", "A=1");
        assertThat(switchWithValue.err()).isEqualTo("commonweal elections: --json takes no value\n");
        CliRun ok = CliRun.of("elections", "apportion", "--method=dhondt", "--seats=2", "A=3", "B=1");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).containsPattern("A\\s+3 votes\\s+2 seats");
    }
}
