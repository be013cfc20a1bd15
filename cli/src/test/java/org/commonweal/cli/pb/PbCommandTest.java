package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.Console;
import org.commonweal.cli.Main;
import org.commonweal.pb.Instance;
import org.commonweal.pb.pabulib.PabulibReader;
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

class PbCommandTest {
    /** Budget 10; approvals a=5, b=4, c=3, d=1; costs 6, 5, 4, 1: greedy funds a and c, the city did too. */
    private static final String EXAMPLE = """
            META
            key;value
            budget;10
            currency;PLN
            vote_type;approval
            rule;greedy
            PROJECTS
            project_id;cost;name;selected
            a;6;Park benches;1
            b;5;Bike racks;0
            c;4;Street trees;1
            d;1;Book swap;0
            VOTES
            voter_id;vote
            1;a,b,c,d
            2;a,b,c
            3;a,b,c
            4;a,b
            5;a
            """;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Main.run(List.of(args), console);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path shared(String name) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.exists(d.resolve("commonweal"))) d = d.getParent();
        assertThat(d).as("repository root above the working directory").isNotNull();
        return d.resolveSibling("shared").resolve("data").resolve("pabulib").resolve(name);
    }

    @Test
    void computePrintsTheFundedProjectsAndExplainsEachInPlainWords() throws Exception {
        Run r = run("pb", "compute", file("example.pb", EXAMPLE).toString(), "--explain");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("rule greedy, budget 10 PLN", "Funded: 2 projects costing 10 PLN; 0 PLN left unspent", "Park benches", "Street trees")
                .contains("b \"Bike racks\": not funded. It came 2nd with 4 votes, but it costs 5 PLN and only 4 PLN was left.")
                .contains("a \"Park benches\": funded. It came 1st with 5 votes; 10 PLN was left, it costs 6 PLN, leaving 4 PLN.")
                .contains("The file's official outcome funds the same projects.");
    }

    @Test
    void computeJsonFollowsTheDocumentedContract() throws Exception {
        Run r = run("pb", "compute", file("example.pb", EXAMPLE).toString(), "--rule", "greedy-no-skip", "--json", "--explain",
                "--tie-break", "votes,lottery", "--seed", "7");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rule").asText()).isEqualTo("greedy-no-skip");
        assertThat(json.get("selected")).extracting(JsonNode::asText).containsExactly("a");
        assertThat(json.get("total_cost").asLong()).isEqualTo(6);
        assertThat(json.get("official_selected")).extracting(JsonNode::asText).containsExactly("a", "c");
        assertThat(json.get("budget").asLong()).isEqualTo(10);
        assertThat(json.get("tie_break").get("spec").asText()).isEqualTo("votes,lottery");
        assertThat(json.get("tie_break").get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("explanation")).hasSize(4);
        assertThat(json.get("explanation").get(2).get("reason").get("type").asText()).isEqualTo("after_stop");
        assertThat(json.get("explanation").get(2).get("reason").get("stopped_at").asText()).isEqualTo("b");
    }

    @Test
    void computeWithoutARuleUsesTheRuleTheFileNamesAndMatchesWarsawsOfficialOutcome() throws Exception {
        Path warszawa = shared("Poland_Warszawa_2026.pb");
        Run r = run("pb", "compute", warszawa.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rule").asText()).isEqualTo("greedy-threshold");
        Instance instance = PabulibReader.read(warszawa);
        List<String> official = instance.projects().stream().filter(p -> "1".equals(p.columns().get("selected"))).map(p -> p.id()).toList();
        List<String> selected = new ArrayList<>();
        json.get("selected").forEach(n -> selected.add(n.asText()));
        assertThat(selected).containsExactlyInAnyOrderElementsOf(official);
    }

    @Test
    void auditOfTheOfficialOutcomeSaysHowSatisfactionIsSpreadAndWhichAxiomsHold() throws Exception {
        Run r = run("pb", "audit", file("example.pb", EXAMPLE).toString(), "--official");
        assertThat(r.exit()).as(r.err()).isZero();
        // Funded a and c: voters 1-3 got 10 of the 16, 15, 15 they chose (60-70%), voter 4 6 of 11, voter 5 all.
        assertThat(r.out()).contains("example.pb: the official outcome funds 2 projects costing 10 PLN of 10 PLN.")
                .contains("Voters with nothing funded: 0 of 5 (0.0%).")
                .contains("60-70%    3 voters", "50-60%    1 voter\n", "90-100%   1 voter\n")
                .contains("EJR (cost satisfaction): satisfied.", "PJR (cardinality satisfaction): satisfied.")
                .contains("Pareto efficiency (cost satisfaction): no affordable set of projects is better for someone and worse for nobody.")
                // n·b ≥ 10 gives b ≥ 2; 2 each pays exactly for a and c with nothing left (b up to 2.80 works too).
                .containsPattern("Priceable: yes — each voter's share of 2\\.[0-8]\\d PLN pays for every funded project, and no unfunded project's "
                        + "supporters have more left than it costs\\.\n")
                .contains("\nStable priceability: ");
    }

    @Test
    void auditJsonFollowsTheDocumentedContract() throws Exception {
        Run r = run("pb", "audit", file("example.pb", EXAMPLE).toString(), "--rule", "greedy-no-skip", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rule").asText()).isEqualTo("greedy-no-skip");
        assertThat(json.get("selected")).extracting(JsonNode::asText).containsExactly("a");
        assertThat(json.get("satisfaction").get("voters").asLong()).isEqualTo(5);
        assertThat(json.get("satisfaction").get("histogram")).hasSize(11);
        assertThat(json.get("satisfaction").get("gini").decimalValue()).isNotNull();
        assertThat(json.get("representation")).hasSize(6);
        assertThat(json.get("representation").get(0).get("axiom").asText()).isEqualTo("ejr");
        assertThat(json.get("representation").get(0).get("status").asText()).isEqualTo("satisfied");
        // Stopping at b leaves 4 PLN, enough for c, which voters 1-3 chose: funding a and c is better for them and worse for nobody.
        assertThat(json.get("pareto").get(0).get("status").asText()).isEqualTo("dominated");
        assertThat(json.get("pareto").get(0).get("better")).extracting(JsonNode::asText).containsExactly("a", "c");
        // Funding a alone is priceable only with every unfunded project's supporters at their limit (b = 2, voter 1 paying
        // 1, voters 2 and 3 paying 0.50, voters 4 and 5 paying 2 each), and c still fits: priceable, not exhaustive.
        JsonNode priceability = json.get("priceability");
        assertThat(priceability.get("status").asText()).isEqualTo("priceable");
        assertThat(priceability.get("reason").asText()).isEqualTo("price_system");
        assertThat(priceability.get("exact").asBoolean()).isTrue();
        assertThat(priceability.get("money_per_voter").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(priceability.get("exhaustive").asBoolean()).isFalse();
        // Stable too: voters 1-3 pay 1 each and keep 1, voters 4 and 5 pay 1.50 and keep 0.50; counting the larger of
        // leftover and payment, d's supporter brings 1 (its cost), c's 3 (of 4), b's 4.50 (of 5).
        JsonNode stable = json.get("stable_priceability");
        assertThat(stable.get("status").asText()).isEqualTo("priceable");
        assertThat(stable.get("money_per_voter").decimalValue()).isEqualByComparingTo("2.00");
    }

    @Test
    void auditOfEqualSharesAuditsTheOutcomeComputeGives() throws Exception {
        // The audit is handed Equal Shares' own decision (to price it without running the rule again): the same outcome.
        Path example = file("example.pb", EXAMPLE);
        Run audit = run("pb", "audit", example.toString(), "--rule", "mes", "--json");
        Run compute = run("pb", "compute", example.toString(), "--rule", "mes", "--json");
        assertThat(audit.exit()).as(audit.err()).isZero();
        JsonNode audited = new ObjectMapper().readTree(audit.out()), computed = new ObjectMapper().readTree(compute.out());
        assertThat(audited.get("rule").asText()).isEqualTo(computed.get("rule").asText()).startsWith("equalshares");
        assertThat(audited.get("selected")).isEqualTo(computed.get("selected"));
        assertThat(audited.get("priceability").get("status").asText()).isEqualTo("priceable");
    }

    @Test
    void auditRefusesOfficialWithARuleAndAFileWithoutAnOutcome() throws Exception {
        String f = file("example.pb", EXAMPLE).toString();
        Run both = run("pb", "audit", f, "--official", "--rule", "greedy");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--official audits the file's own outcome, so it takes no --rule");
        Run none = run("pb", "audit", file("none.pb", EXAMPLE.replace("project_id;cost;name;selected", "project_id;cost;name;x")).toString(), "--official");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("none.pb: the file records no official outcome").doesNotContain("Exception");
    }

    @Test
    void fractionalPointsAreShownAsTheVotersGaveThem() throws Exception {
        String scoring = """
                META
                key;value
                budget;10
                vote_type;scoring
                PROJECTS
                project_id;cost;name
                a;6;Park benches
                b;5;Bike racks
                VOTES
                voter_id;vote;points
                1;a,b;1.5,0.25
                2;a;2.75
                """;
        Run r = run("pb", "compute", file("scoring.pb", scoring).toString(), "--rule", "greedy", "--explain");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("It came 1st with 4.25 points").contains("It came 2nd with 0.25 points");
        JsonNode json = new ObjectMapper().readTree(run("pb", "compute", file("scoring.pb", scoring).toString(), "--rule", "greedy", "--explain", "--json").out());
        assertThat(json.get("explanation").get(0).get("reason").get("score").decimalValue()).isEqualByComparingTo("4.25");
    }

    @Test
    void anInitialBudgetAllocationIsFundedFirstAndSaidSo() throws Exception {
        // b (5) first leaves 5: a (6) no longer fits, c (4) does, then d (1).
        Run r = run("pb", "compute", file("example.pb", EXAMPLE).toString(), "--rule", "greedy", "--initial", "b", "--explain");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rule greedy+initial=b")
                .contains("b \"Bike racks\": funded first, as the initial budget allocation says (4 votes); 10 PLN was left, it costs 5 PLN, leaving 5 PLN.");
        JsonNode json = new ObjectMapper().readTree(run("pb", "compute", file("example.pb", EXAMPLE).toString(), "--rule", "greedy", "--initial", "b", "--json").out());
        assertThat(json.get("selected")).extracting(JsonNode::asText).containsExactly("b", "c", "d");
        Run unknown = run("pb", "compute", file("example.pb", EXAMPLE).toString(), "--rule", "greedy", "--initial", "zz");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("the initial budget allocation names project 'zz', which the file does not have");
    }

    /** Budget 10: a and b (2 votes, cost 6) tie and only one fits; c (1 vote, cost 4) fits either way. */
    private static final String TIED = """
            META
            key;value
            budget;10
            currency;PLN
            vote_type;approval
            rule;greedy
            PROJECTS
            project_id;cost;name
            a;6;Park benches
            b;6;Bike racks
            c;4;Street trees
            VOTES
            voter_id;vote
            1;a,b,c
            2;a,b
            """;

    @Test
    void allTiesListsEveryOutcomeWithTheTiesBrokenInWords() throws Exception {
        Run r = run("pb", "compute", file("tied.pb", TIED).toString(), "--rule", "greedy", "--all-ties");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("All tied outcomes: 2 different outcomes when every exact tie may be broken either way",
                "Outcome 1: 2 projects costing 10 PLN; 0 PLN left unspent", "Park benches", "Street trees",
                "Round 1: b \"Bike racks\" and a \"Park benches\" tied at 2 votes; a went first.",
                "Outcome 2: 2 projects costing 10 PLN", "Round 1: b \"Bike racks\" and a \"Park benches\" tied at 2 votes; b went first.");
        assertThat(r.out().indexOf("Outcome 1")).isLessThan(r.out().indexOf("Outcome 2"));
        Run mes = run("pb", "compute", file("tied.pb", TIED).toString(), "--rule", "mes", "--completion", "none", "--all-ties");
        assertThat(mes.out()).contains("tied at ρ = ", "was funded first.");
    }

    @Test
    void allTiesJsonFollowsTheDocumentedContract() throws Exception {
        Run r = run("pb", "compute", file("tied.pb", TIED).toString(), "--rule", "greedy", "--all-ties", "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rule").asText()).isEqualTo("greedy");
        assertThat(json.get("budget").asLong()).isEqualTo(10);
        assertThat(json.get("tie_break").get("spec").asText()).isEqualTo("cost,votes,lottery");
        assertThat(json.get("explored").asLong()).isPositive();
        JsonNode outcomes = json.get("outcomes");
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).get("selected").toString()).isEqualTo("[\"a\",\"c\"]");
        assertThat(outcomes.get(1).get("selected").toString()).isEqualTo("[\"b\",\"c\"]");
        assertThat(outcomes.get(0).get("total_cost").asLong()).isEqualTo(10);
        assertThat(outcomes.get(0).get("increments").asLong()).isZero();
        JsonNode tie = outcomes.get(1).get("ties").get(0);
        assertThat(tie.get("round").asInt()).isEqualTo(1);
        assertThat(tie.get("tied").toString()).as("in tie-break order: the seeded lottery puts b first").isEqualTo("[\"b\",\"a\"]");
        assertThat(tie.get("chosen").asText()).isEqualTo("b");
        assertThat(tie.get("level").asInt()).isEqualTo(2);
        assertThat(tie.get("text").asText()).endsWith("b went first.");
    }

    @Test
    void allTiesRefusesWhatItCannotEnumerateAndStopsAtItsLimit() throws Exception {
        String f = file("tied.pb", TIED).toString();
        Run phragmen = run("pb", "compute", f, "--rule", "phragmen", "--all-ties");
        assertThat(phragmen.exit()).isEqualTo(2);
        assertThat(phragmen.err()).contains("--all-ties: rule phragmen does not enumerate its tied outcomes");
        Run add1u = run("pb", "compute", f, "--rule", "mes", "--completion", "add1u", "--all-ties");
        assertThat(add1u.err()).contains("completion none, add1 or add1-max");
        Run explain = run("pb", "compute", f, "--rule", "greedy", "--all-ties", "--explain");
        assertThat(explain.err()).contains("--explain explains one outcome, so it cannot go with --all-ties");
        // fourteen tied projects of 1 and money for seven: 3,432 sets
        StringBuilder many = new StringBuilder("META\nkey;value\nbudget;7\nvote_type;approval\nPROJECTS\nproject_id;cost\n");
        for (int p = 0; p < 14; p++) many.append("p").append(p).append(";1\n");
        many.append("VOTES\nvoter_id;vote\n1;").append(String.join(",", java.util.stream.IntStream.range(0, 14).mapToObj(p -> "p" + p).toList())).append('\n');
        Run capped = run("pb", "compute", file("many.pb", many.toString()).toString(), "--rule", "greedy", "--all-ties");
        assertThat(capped.exit()).isEqualTo(2);
        assertThat(capped.out()).isEmpty();
        assertThat(capped.err()).contains("many.pb: --all-ties stopped at more than 1,000 distinct tied outcomes (the limit): 1,001 were found, so none are reported");
    }

    @Test
    void aMissingFileIsOneClearLine() {
        Run r = run("pb", "compute", dir.resolve("nowhere.pb").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nowhere.pb: no such file").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void aMalformedFileNamesTheLineAndTheProblem() throws Exception {
        Run r = run("pb", "compute", file("bad.pb", EXAMPLE.replace("2;a,b,c\n", "2;a,x,c\n")).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.pb:16: voter '2' votes for unknown project 'x'").doesNotContain("Exception");
    }

    @Test
    void anUnknownRuleOrOptionIsRejectedWithTheChoices() throws Exception {
        String f = file("example.pb", EXAMPLE).toString();
        Run rule = run("pb", "compute", f, "--rule", "borda");
        assertThat(rule.exit()).isEqualTo(2);
        assertThat(rule.err()).contains("unknown rule 'borda' (expected one of greedy, greedy-no-skip, greedy-threshold, greedy-cost");
        Run option = run("pb", "compute", f, "--rules", "greedy");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("unknown option '--rules' (expected --all-ties, --comparison, --completion, --drop-invalid, --eligibility, --exclusive, --explain, --increment, --initial, --json, --rule, --seed, --shares, --tie-break, --unsupported, --utility, --voter)");
        Run greedyWithCompletion = run("pb", "compute", f, "--rule", "greedy", "--completion", "add1");
        assertThat(greedyWithCompletion.exit()).isEqualTo(2);
        assertThat(greedyWithCompletion.err()).contains("rule greedy takes only the option initial, but got completion");
        Run optionWithoutRule = run("pb", "compute", f, "--completion", "add1");
        assertThat(optionWithoutRule.exit()).isEqualTo(2);
        assertThat(optionWithoutRule.err()).contains("--completion configure a rule: name it with --rule (e.g. --rule mes)");
        Run seed = run("pb", "compute", f, "--seed", "many");
        assertThat(seed.exit()).isEqualTo(2);
        assertThat(seed.err()).contains("--seed must be a whole number (got 'many')");
        Run tie = run("pb", "compute", f, "--tie-break", "cost,age");
        assertThat(tie.exit()).isEqualTo(2);
        assertThat(tie.err()).contains("unknown tie-break 'age'");
    }

    @Test
    void computeSaysHowManyBallotsBreakTheFilesRulesAndCanLeaveThemOut() throws Exception {
        String path = shared("Poland_Warszawa_2018_Praga-Polnoc.pb").toString();
        JsonNode cast = new ObjectMapper().readTree(run("pb", "compute", path, "--json").out()).get("ballots");
        assertThat(cast.get("cast").asInt()).isEqualTo(3157);
        assertThat(cast.get("invalid").asInt()).isEqualTo(9);
        assertThat(cast.get("counted").asInt()).isEqualTo(3157);
        JsonNode dropped = new ObjectMapper().readTree(run("pb", "compute", path, "--json", "--drop-invalid").out()).get("ballots");
        assertThat(dropped.get("counted").asInt()).isEqualTo(3148);
        assertThat(run("pb", "compute", path).out()).contains("3,157 voters", "9 ballots break the file's own rules (pb validate lists them): counted as cast");
        assertThat(run("pb", "compute", path, "--drop-invalid").out()).contains("3,148 voters", "9 ballots break the file's own rules (pb validate lists them): left out");
        assertThat(run("pb", "compute", file("example.pb", EXAMPLE).toString()).out()).doesNotContain("break the file's own rules");
    }

    @Test
    void validateListsEveryInvalidBallotWithItsLineAndFailsWhenThereAreAny() throws Exception {
        Path bad = file("bad.pb", EXAMPLE.replace("rule;greedy\n", "rule;greedy\nmax_length;3\n").replace("3;a,b,c\n", "2;a,b,c\n"));
        Run r = run("pb", "validate", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ":16: voter '1' lists 4 projects, more than max_length 3",
                bad + ":18: voter '2' has the same voter_id as the ballot on line 17", "5 ballots, 2 invalid (2 violations)");
        JsonNode json = new ObjectMapper().readTree(run("pb", "validate", bad.toString(), "--json").out());
        assertThat(json.get("invalid_ballots").asInt()).isEqualTo(2);
        assertThat(json.get("violations").get(1).get("line").asInt()).isEqualTo(18);
        Run good = run("pb", "validate", file("example.pb", EXAMPLE).toString());
        assertThat(good.exit()).isZero();
        assertThat(good.out()).contains("5 ballots, 0 invalid");
    }

    @Test
    void greedyExclusiveTakesTheExclusiveProjectsAndReproducesWarszawaBemowo() throws Exception {
        Run r = run("pb", "compute", shared("Poland_Warszawa_2022_Bemowo.pb").toString(), "--rule", "greedy-exclusive", "--exclusive", "773,153", "--explain");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("The file's official outcome funds the same projects.", "but it cannot be carried out together with 773, which was funded before it.");
        Run check = run("pb", "check", shared("Poland_Warszawa_2022_Bemowo.pb").toString());
        assertThat(check.out()).contains("needs the exclusive projects, which the file states only in words");
    }

    @Test
    void explainTellsEqualSharesRoundByRoundInWordsWithMoneyFormattedAndNoRecordDumps() throws Exception {
        String wieliczka = shared("Poland_Wieliczka_2023_Green_Budget.pb").toString();
        Run r = run("pb", "compute", wieliczka, "--explain");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Round by round:",
                        "3. Funded 40 \"Projekt zapobiegania bezdomności psów i kotów na terenie gm…\" for 100,000 PLN (583 votes) at ρ = 0.001721 "
                                + "per unit of satisfaction: 531 supporters paid 172.10 PLN each and 52 paid all they had left (165.71 PLN); "
                                + "810,000 PLN of the budget left. Priced out by it: 64.",
                        "after 6 was paid for.")
                .doesNotContain("MesPayment[", "MesLoss[", "E+");
        JsonNode json = new ObjectMapper().readTree(run("pb", "compute", wieliczka, "--explain", "--json").out());
        assertThat(json.toString()).doesNotContain("E+");
        JsonNode third = json.get("rounds").get(2);
        assertThat(third.get("project").asText()).isEqualTo("40");
        assertThat(third.get("budget_left").asLong()).isEqualTo(810000);
        assertThat(third.get("paid").get(0).get("voters").asInt()).isEqualTo(531);
        assertThat(third.get("passed_over")).extracting(JsonNode::asText).containsExactly("64");
    }

    @Test
    void sharesSayWhatEachVoterPaidTowardEachProjectAndWhatTheyHadLeft() throws Exception {
        String wieliczka = shared("Poland_Wieliczka_2023_Green_Budget.pb").toString();
        Run one = run("pb", "compute", wieliczka, "--rule", "mes", "--voter", "1");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).contains("Each voter's share: everyone started with 301.84 PLN",
                "voter 1: paid 224.18 PLN toward 6 \"Zielona Chorągwica - rewitalizacja terenów zielonych wraz z nasadzeniami\", 77.66 PLN toward 25 \"Eko KROKusy\"; 0.00 PLN left.");
        JsonNode json = new ObjectMapper().readTree(run("pb", "compute", wieliczka, "--rule", "mes", "--shares", "--json").out()).get("voter_shares");
        assertThat(json.get("voters")).hasSize(6586);
        JsonNode last = json.get("voters").get(6585);
        assertThat(last.get("voter_id").asText()).isEqualTo("6586");
        assertThat(last.get("paid").get("24").decimalValue()).isEqualByComparingTo("6.944444");
        assertThat(last.get("left").decimalValue()).isPositive();
        assertThat(run("pb", "compute", wieliczka, "--rule", "greedy", "--shares").err()).contains("need an Equal Shares rule");
        assertThat(run("pb", "compute", wieliczka, "--rule", "mes", "--voter", "nobody").err()).contains("no ballot has voter_id 'nobody'");
    }

    @Test
    void explainTellsGreedyRoundByRound() throws Exception {
        Run r = run("pb", "compute", file("example.pb", EXAMPLE).toString(), "--explain");
        assertThat(r.out()).contains("1. Funded a \"Park benches\" for 6 PLN (5 votes); 4 PLN of the budget left.",
                "2. Funded c \"Street trees\" for 4 PLN (3 votes); 0 PLN of the budget left. Passed over before it: b.",
                "Not funded after the last round: d.");
    }

    @Test
    void checkComparesWithTheOfficialOutcomeAndFailsWhenAnyFileDiffers() throws Exception {
        Path good = file("good.pb", EXAMPLE);
        Path differs = file("differs.pb", EXAMPLE.replace("b;5;Bike racks;0", "b;5;Bike racks;1").replace("c;4;Street trees;1", "c;4;Street trees;0"));
        Run ok = run("pb", "check", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("checked 1 files: 1 match, 0 differ, 0 skipped, 0 unreadable");
        Run bad = run("pb", "check", good.toString(), differs.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("DIFFERS  " + differs + " (greedy): the rule funds c, which the city did not; the city funded b, which the rule does not")
                .contains("checked 2 files: 1 match, 1 differ, 0 skipped, 0 unreadable");
        assertThat(bad.err()).as("progress on stderr for several files").contains("checking 2/2");
        Run json = run("pb", "check", good.toString(), differs.toString(), "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("match").asInt()).isEqualTo(1);
        assertThat(report.get("differ").asInt()).isEqualTo(1);
        assertThat(report.get("files").get(1).get("status").asText()).isEqualTo("differs");
        assertThat(report.get("files").get(1).get("only_rule")).extracting(JsonNode::asText).containsExactly("c");
        assertThat(report.get("files").get(1).get("only_official")).extracting(JsonNode::asText).containsExactly("b");
    }

    @Test
    void checkCountsProjectsFundedOutsideTheRuleAsOutsideAndSkipsRulesItDoesNotImplement() {
        Run r = run("pb", "check", shared("Poland_Katowice_2022_Kostuchna.pb").toString(),
                shared("Poland_Poznan_2023_5_-_Grunwald_Polnoc_Grunwald_Poludnie_Stary_Grunwald.pb").toString(),
                dir.resolve("gone.pb").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("META rule 'greedy-custom' is a procedure this engine does not compute", "ERROR    " + dir.resolve("gone.pb") + ": no such file")
                .contains("checked 3 files: 1 match, 0 differ, 1 skipped, 1 unreadable");
    }

    @Test
    void convertWritesANormalisedPbThatReadsBackAndAFlatCsv() throws Exception {
        Path in = file("crlf.pb", EXAMPLE.replace("\n", "\r\n"));
        Path out = dir.resolve("out.pb");
        assertThat(run("pb", "convert", in.toString(), out.toString()).exit()).isZero();
        String written = Files.readString(out);
        assertThat(written).doesNotContain("\r").contains("a;6;Park benches;1");
        assertThat(PabulibReader.read(out).projects()).isEqualTo(PabulibReader.read(in).projects());
        Path csv = dir.resolve("out.csv");
        assertThat(run("pb", "convert", in.toString(), csv.toString(), "--to", "csv").exit()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("voter_id,project_id,position,points,project_cost,project_name,project_selected");
        assertThat(lines).contains("2,b,2,1,5,Bike racks,0").hasSize(1 + 13);
        assertThat(run("pb", "convert", in.toString(), csv.toString(), "--to", "xml").err()).contains("--to must be pb or csv");
    }

    @Test
    void benchTimesTheNamedFiles() throws Exception {
        Run r = run("pb", "bench", file("example.pb", EXAMPLE).toString(), "--repeat", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("parse ms (min/median)", "greedy ms (min)", "example.pb");
    }
}
