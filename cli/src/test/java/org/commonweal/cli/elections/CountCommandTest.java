package org.commonweal.cli.elections;

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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountCommandTest {
    /* 20 papers, 2 seats, quota 7: A elected on first preferences, D excluded, B elected (see ScottishStvTest). */
    private static final String EXAMPLE = """
            4 2
            6 1 2 3 0
            3 1 3 0
            4 2 0
            5 3 0
            2 4 2 0
            0
            "Ann" "Bob" "Cy" "<Di>"
            "Worked example"
            """;

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Path glasgow() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("commonweal"))) p = p.getParent();
        return p.resolveSibling("shared").resolve("data/stv/glasgow-2007");
    }

    @Test
    void jsonOutputListsElectedNamesInOrderWithQuotaAndStages() throws Exception {
        Result r = run("elections", "count", file("e.blt", EXAMPLE).toString(), "--json");

        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("elected")).extracting(JsonNode::asText).containsExactly("Ann", "Bob");
        assertThat(json.get("quota").asText()).isEqualTo("7.00000");
        assertThat(json.get("stages")).hasSize(3);
        assertThat(json.get("stages").get(1).get("totals").get("Bob").asText()).isEqualTo("5.33332");
        assertThat(json.get("stages").get(2).get("excluded").get(0).asText()).isEqualTo("<Di>");
    }

    @Test
    void textReportShowsEveryStageAndHtmlEscapesNames() throws Exception {
        Path f = file("e.blt", EXAMPLE);

        Result text = run("elections", "count", f.toString());
        assertThat(text.out()).contains("Quota: 7.00000").contains("Elected in order: Ann, Bob").contains("Stage 3: exclusion of <Di>");

        Result html = run("elections", "count", f.toString(), "--format", "html");
        assertThat(html.out()).contains("&lt;Di&gt;").doesNotContain("<Di>");
    }

    @Test
    void eachRuleCanBeChosenAndIrvFillsOneSeat() throws Exception {
        Path f = file("e.blt", EXAMPLE);
        ObjectMapper mapper = new ObjectMapper();
        for (String rule : List.of("scottish", "meek", "wigm")) {
            JsonNode json = mapper.readTree(run("elections", "count", f.toString(), "--rule", rule, "--json").out());
            assertThat(json.get("rule").asText()).isEqualTo(rule);
            assertThat(json.get("elected")).extracting(JsonNode::asText).containsExactly("Ann", "Bob");
        }
        JsonNode irv = mapper.readTree(run("elections", "count", f.toString(), "--rule", "irv", "--json").out());
        assertThat(irv.get("seats").asInt()).isEqualTo(1);
        assertThat(irv.get("elected")).hasSize(1);
    }

    @Test
    void seatsOptionOverridesTheFile() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("elections", "count", file("e.blt", EXAMPLE).toString(), "--seats", "3", "--json").out());
        assertThat(json.get("seats").asInt()).isEqualTo(3);
        assertThat(json.get("elected")).hasSize(3);
    }

    @Test
    void aDirectoryCountsEveryGlasgowWardWithProgressOnStderr() throws Exception {
        Result r = run("elections", "count", glasgow().toString(), "--json");

        assertThat(r.code()).isZero();
        JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
        assertThat(files).hasSize(21);
        List<String> calton = new ArrayList<>();
        for (JsonNode f : files) {
            if (f.get("file").asText().equals("Calton-2007.blt")) f.get("elected").forEach(n -> calton.add(n.asText()));
        }
        assertThat(calton).containsExactly("George Redmond", "Alison E Thewliss", "Ruth Simpson");
        assertThat(r.err()).contains("counting 21/21");
    }

    @Test
    void badInputGetsOneClearLineAndExitCodeTwo() throws Exception {
        Path bad = file("bad.blt", "3 1\n1 1 2\n0\n");
        Path good = file("e.blt", EXAMPLE);
        List<List<String>> cases = List.of(
                List.of(bad.toString()),
                List.of(dir.resolve("missing.blt").toString()),
                List.of(good.toString(), "--rule", "ers97"),
                List.of(good.toString(), "--seats", "x"),
                List.of(good.toString(), "--seats", "9"),
                List.of(good.toString(), "--rule", "irv", "--seats", "2"),
                List.of(good.toString(), "--format", "pdf"),
                List.of(good.toString(), "--seed"),
                List.of(good.toString(), "--frobnicate"),
                List.of());
        List<String> expected = List.of(
                "bad.blt:2: ballot line does not end with 0",
                "no such file or directory",
                "unknown rule 'ers97' (expected one of scottish, meek, wigm, irv)",
                "--seats must be a whole number from 1 to 100000 (got 'x')",
                "e.blt: 9 seats but only 4 standing candidates",
                "--rule irv fills one seat",
                "unknown format 'pdf'",
                "--seed needs a value",
                "unknown option '--frobnicate' (expected --format, --json, --rule, --seats, --seed)",
                "no ballot file given");
        for (int i = 0; i < cases.size(); i++) {
            List<String> args = new ArrayList<>(List.of("elections", "count"));
            args.addAll(cases.get(i));
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(expected.get(i)).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void oneBadFileInAFolderIsReportedWhileTheOthersAreCountedAndTheExitCodeIsTwo() throws Exception {
        file("a.blt", EXAMPLE);
        file("b.blt", "3 1\n0\n\"A\" \"B\" \"C\"\n\"No votes\"\n");
        Files.write(dir.resolve("c.blt"), EXAMPLE.getBytes(StandardCharsets.UTF_16));
        file("d.blt", EXAMPLE.replace("Ann", "Zed"));

        Result text = run("elections", "count", dir.toString());
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.out().lines()).containsExactly("a.blt: Ann, Bob (quota 7.00000, 3 stages)", "d.blt: Zed, Bob (quota 7.00000, 3 stages)");
        assertThat(text.err()).contains("commonweal elections: b.blt: too few ballots: 0 ranking a standing candidate, for 1 seat\n")
                .contains("commonweal elections: c.blt:1: not valid UTF-8 (the file looks like UTF-16; save it as UTF-8)\n")
                .contains("commonweal elections: 2 of 4 files could not be counted\n").doesNotContain("\tat ");

        Result json = run("elections", "count", dir.toString(), "--json");
        assertThat(json.code()).isEqualTo(2);
        JsonNode out = new ObjectMapper().readTree(json.out());
        assertThat(out.get("files")).extracting(f -> f.get("file").asText()).containsExactly("a.blt", "d.blt");
        assertThat(out.get("errors")).extracting(f -> f.get("file").asText() + " " + f.get("error").asText()).containsExactly(
                "b.blt b.blt: too few ballots: 0 ranking a standing candidate, for 1 seat",
                "c.blt c.blt:1: not valid UTF-8 (the file looks like UTF-16; save it as UTF-8)");
    }

    /* 3,000 candidates in 20 KB once ran the count out of memory: a report holds every total at every stage. */
    @Test
    void tooManyCandidatesGetOneClearLineInsteadOfRunningOutOfMemory() throws Exception {
        StringBuilder blt = new StringBuilder("3000 1\n");
        for (int i = 1; i <= 600; i++) blt.append("1 ").append(i * 5).append(" 0\n");
        blt.append("0\n");
        for (int i = 1; i <= 3000; i++) blt.append("\"C").append(i).append("\"\n");
        Path big = file("big.blt", blt.append("\"Big\"\n").toString());

        Result r = run("elections", "count", big.toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("commonweal elections: big.blt: 3000 standing candidates; a count takes at most 1000"
                + " (its report holds every candidate's total at every stage)\n");
    }

    @Test
    void benchRejectsBadOptionsClearly() {
        Result r = run("elections", "bench", "--ballots", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--ballots must be a whole number from 1 to 100000000 (got '0')");
    }

    @Test
    void benchPrintsGlasgowAndSyntheticFigures() {
        Result r = run("elections", "bench", "--glasgow", glasgow().toString(), "--ballots", "5000", "--runs", "1");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Glasgow 2007: 21 wards, 188,376 ballots, counted under scottish in")
                .contains("Synthetic: 5,000 ballots, 20 candidates, 5 seats, seed 1")
                .contains("scottish").contains("meek").contains("wigm").contains("irv");
    }
}
