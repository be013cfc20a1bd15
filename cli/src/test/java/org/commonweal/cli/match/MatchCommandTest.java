package org.commonweal.cli.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.Console;
import org.commonweal.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatchCommandTest {
    /** Ann is nearest Bea but the only one who can reach Cy; Dan can reach only Bea; Eve's request needs Polish. */
    private static final String INPUT = """
            {"volunteers":[
              {"id":"ann","skills":["shopping"],"languages":["English"],"dbs":"basic","lat":53.480,"lon":-2.240,"radiusKm":5,"slots":["mon-am"],"capacity":1,"gender":"female"},
              {"id":"dan","skills":["shopping"],"languages":["English"],"dbs":"none","lat":53.500,"lon":-2.240,"radiusKm":2.5,"slots":["mon-am"],"capacity":1,"gender":"male"}],
             "requests":[
              {"id":"bea","needs":["shopping"],"languages":["English"],"dbs":"none","lat":53.489,"lon":-2.240,"slots":["mon-am"],"genderPreference":null,"previousVolunteer":null},
              {"id":"cy","needs":["shopping"],"languages":["English"],"dbs":"none","lat":53.462,"lon":-2.240,"slots":["mon-am"]},
              {"id":"eve","needs":["shopping"],"languages":["Polish"],"dbs":"none","lat":53.481,"lon":-2.240,"slots":["mon-am"]}]}
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        Run r = run("match", Files.writeString(dir.resolve("in.json"), INPUT).toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("matched").asInt()).isEqualTo(2);
        assertThat(json.get("matches")).hasSize(2);
        assertThat(json.get("matches").get(0).get("request").asText()).isEqualTo("bea");
        assertThat(json.get("matches").get(0).get("volunteer").asText()).isEqualTo("dan");
        assertThat(json.get("matches").get(1).get("volunteer").asText()).isEqualTo("ann");
        assertThat(json.get("totalCostKm").asDouble()).isCloseTo(json.get("matches").get(0).get("costKm").asDouble() + json.get("matches").get(1).get("costKm").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("unmatched").get(0).get("request").asText()).isEqualTo("eve");
        assertThat(json.get("unmatched").get(0).get("reasons").toString()).contains("2 volunteers within range", "none of those speaks Polish");
        assertThat(json.get("greedy").get("matched").asInt()).isEqualTo(1);
    }

    @Test
    void textExplainsEveryRequestAndComparesWithCheapestFirst() throws Exception {
        Run r = run("match", Files.writeString(dir.resolve("in.json"), INPUT).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("bea: dan — 1.2 km away, within the 2.5 km they will travel; can do shopping; speaks English; is free mon-am",
                "eve: no volunteer — 2 volunteers within range; 2 of them can do shopping; none of those speaks Polish",
                "Matched 2 of 3 requests", "Cheapest pair first would have matched 1");
    }

    @Test
    void badInputNamesTheFileAndThePathOfTheField() throws Exception {
        Run r = run("match", Files.writeString(dir.resolve("bad.json"), INPUT.replace("\"capacity\":1,\"gender\":\"male\"", "\"capacity\":-2,\"gender\":\"male\"")).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json: $.volunteers[1].capacity: must not be negative (got -2)").doesNotContain("Exception");
        assertThat(run("match", dir.resolve("missing.json").toString()).err()).contains("missing.json: no such file");
    }
}
