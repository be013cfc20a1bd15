package org.commonweal.cli.pb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonweal.cli.Console;
import org.commonweal.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pb compute --rule maximin-support}: text, JSON and the refusal of ballots with points. */
class PbMaximinSupportCommandTest {
    /*
     * Budget 10; a 6 (voters 1-5), b 5 (1-4), c 4 (1-3), d 1 (voter 1).
     * Round 1 loads: a 6/5, b 5/4, c 4/3, d 1/1 → d (1). Round 2 with d: + a → {a, d} 7 over 5 voters = 1.4;
     * + b → {b, d} 6/4 = 1.5; + c → {c, d} 5/3 → a (1.4), 3 left; b and c no longer fit.
     */
    private static final String EXAMPLE = """
            META
            key;value
            budget;10
            currency;PLN
            vote_type;approval
            PROJECTS
            project_id;cost;name
            a;6;Park benches
            b;5;Bike racks
            c;4;Street trees
            d;1;Book swap
            VOTES
            voter_id;vote
            1;a,b,c,d
            2;a,b,c
            3;a,b,c
            4;a,b
            5;a
            """;

    /** The same ballots as cumulative ballots giving one point to each listed project. */
    private static final String CUMULATIVE = EXAMPLE.replace("vote_type;approval", "vote_type;cumulative")
            .replace("voter_id;vote", "voter_id;vote;points").replace("1;a,b,c,d", "1;a,b,c,d;1,1,1,1").replace("2;a,b,c", "2;a,b,c;1,1,1")
            .replace("3;a,b,c", "3;a,b,c;1,1,1").replace("4;a,b", "4;a,b;1,1").replace("5;a\n", "5;a;1\n");

    @TempDir
    Path dir;

    private String[] run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String[] outErr = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertThat(exit).as(outErr[1]).isEqualTo(expectedExit);
        return outErr;
    }

    @Test
    void explainsEachRoundByHowEvenlyTheCostsCanBeShared() throws Exception {
        String file = Files.writeString(dir.resolve("example.pb"), EXAMPLE).toString();
        String out = run(0, "pb", "compute", file, "--rule", "maximin-support", "--explain")[0];
        assertThat(out).contains("rule maximin-support", "Funded: 2 projects costing 7 PLN; 3 PLN left unspent")
                .contains("1. Funded d \"Book swap\" for 1 PLN (1 vote): the funded projects can now be paid for by the voters who approve them "
                        + "with nobody carrying more than 1.00 PLN, the least any project allowed (the maximin support: at least one supporter "
                        + "behind every 1.00 PLN of them); the most loaded are the 1 voter approving d, which cost 1 PLN together; 9 PLN of the budget left.")
                .contains("2. Funded a \"Park benches\" for 6 PLN (5 votes): the funded projects can now be paid for by the voters who approve them "
                        + "with nobody carrying more than 1.40 PLN")
                .contains("the most loaded are the 5 voters approving d, a, which cost 7 PLN together")
                .contains("b \"Bike racks\": not funded. From round 3 it no longer fitted in the 3 PLN left.")
                .doesNotContain("Rational", "Funded[");
    }

    @Test
    void jsonListsTheSelectedProjectsAndEachRoundsLoad() throws Exception {
        String file = Files.writeString(dir.resolve("example.pb"), EXAMPLE).toString();
        JsonNode json = new ObjectMapper().readTree(run(0, "pb", "compute", file, "--rule", "maximin-support", "--json", "--explain")[0]);
        assertThat(json.get("rule").asText()).isEqualTo("maximin-support");
        assertThat(json.get("selected")).extracting(JsonNode::asText).containsExactly("d", "a");
        JsonNode a = json.get("explanation").get(0).get("reason");
        assertThat(a.get("type").asText()).isEqualTo("Funded");
        assertThat(a.get("load").decimalValue()).isEqualByComparingTo("1.4");
        assertThat(a.get("heaviest_group")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "d");
        assertThat(a.get("group_voters").asLong()).isEqualTo(5);
        assertThat(json.get("explanation").get(1).get("reason").get("type").asText()).isEqualTo("NotFunded");
    }

    @Test
    void ballotsWithPointsAreRefusedSayingWhy() throws Exception {
        String file = Files.writeString(dir.resolve("points.pb"), CUMULATIVE).toString();
        String err = run(2, "pb", "compute", file, "--rule", "maximin-support")[1];
        assertThat(err).contains("points.pb: maximin support is defined for approval ballots", "cumulative").doesNotContain("Exception");
    }

    @Test
    void benchTimesTheNamedRuleAndSaysWhichFilesItRefuses() throws Exception {
        String approval = Files.writeString(dir.resolve("example.pb"), EXAMPLE).toString();
        String points = Files.writeString(dir.resolve("points.pb"), CUMULATIVE).toString();
        String out = run(0, "pb", "bench", approval, points, "--repeat", "1", "--rule", "maximin-support")[0];
        assertThat(out).contains("maximin-support ms (min)").doesNotContain("mes ms");
        assertThat(out.lines().filter(l -> l.startsWith("points.pb")).findFirst().orElseThrow()).endsWith("refused");
        assertThat(run(2, "pb", "bench", approval, "--rule", "borda")[1]).contains("unknown rule 'borda'");
    }
}
