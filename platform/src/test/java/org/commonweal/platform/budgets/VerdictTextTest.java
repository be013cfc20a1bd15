package org.commonweal.platform.budgets;

import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.platform.core.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule's reasons read as sentences with the pot's money, not as the engine's records. */
class VerdictTextTest {
    private static final Pot POT = new Pot(1, 1, 1, "Riverford", "Pot", 100_00, "GBP", BallotType.APPROVAL, 0, null, null, "mes", "", 0, VoterRule.DECLARED);

    private static Proposal proposal(long id, String title, long cost) {
        return new Proposal(id, 1, 1, "Riverford", null, null, title, "d", "green", cost, cost, "feasible", null);
    }

    /**
     * 10 voters and £100, so each voter starts with £10. Park (£60) is backed by voters 1–6, the library by voters
     * 1–3 and 7–8, the bench (£10) by voters 9–10. With a £35 library the three cost more than the pot: the park
     * goes first (each of its 6 supporters pays £10), after which the library's supporters cannot find £35.
     * With a £30 library everything fits once the completion raises the voters' shares, and the library's
     * supporters pay unequal amounts (those who paid for the park have less left).
     */
    private static List<String> sentences(String rule, long libraryCost) {
        List<Proposal> proposals = List.of(proposal(11, "Park", 60_00), proposal(12, "Library", libraryCost), proposal(13, "Bench", 10_00));
        List<BallotChoice> ballots = new ArrayList<>();
        for (int v = 1; v <= 10; v++) {
            List<Long> ids = new ArrayList<>();
            if (v <= 6) ids.add(11L);
            if (v <= 3 || v == 7 || v == 8) ids.add(12L);
            if (v >= 9) ids.add(13L);
            ballots.add(new BallotChoice(ids, null));
        }
        Outcome outcome = Rules.build(rule, Map.of()).outcome(ResultService.instance(POT, proposals, ballots), TieBreak.DEFAULT);
        List<String> out = new ArrayList<>();
        for (Outcome.Verdict v : outcome.verdicts()) {
            VerdictText t = VerdictText.of(v, outcome.selected().contains(v.project()), POT, proposals);
            out.add(Messages.ENGLISH.get(t.key(), t.argArray()));
        }
        return out;
    }

    @Test
    void equalSharesSaysWhoPaidAndWhatPricedAProjectOut() {
        List<String> said = sentences("mes", 35_00);
        assertThat(said.get(0)).isEqualTo("Funded in round 1 of Equal Shares: its 6 supporters split the cost equally, £10.00 each, "
                + "from the equal share of the budget each voter holds.");
        assertThat(said.get(1)).startsWith("Not funded. From round").contains("helped pay for \u201cPark\u201d").contains("less than its cost of £35.00");
        assertThat(said.get(2)).contains("its 2 supporters split the cost equally, £5.00 each");
        assertThat(sentences("mes", 30_00).get(1)).isEqualTo("Funded in round 2 of Equal Shares: 5 supporters paid for it from their equal "
                + "shares of the budget. 2 of them paid £12.00 each; 3 others paid all they had left, some as little as £2.00.");
    }

    @Test
    void otherRulesAreExplainedInWordsToo() {
        assertThat(sentences("phragmen", 35_00)).allSatisfy(s -> assertThat(s).containsAnyOf("Phragm\u00e9n", "Not funded"));
        assertThat(sentences("max-welfare", 35_00)).allSatisfy(s -> assertThat(s).contains("total support"));
        assertThat(sentences("greedy", 35_00)).allSatisfy(s -> assertThat(s).startsWith("Support"));
        // Maximin support: the bench (£10 over 2 voters, £5 each), then the library (£35 over 5, £7 each); the park (£60) no longer fits.
        assertThat(sentences("maximin-support", 35_00)).containsExactly("Not funded. It had 6 supporters; when its turn came only £55.00 of the budget was left.",
                "Funded in round 2 of maximin support: with it, the costs of the funded projects can be shared among the voters who voted for them "
                        + "so that nobody carries more than £7.00, the least any project allowed. 5 voters carry that much.",
                "Funded in round 1 of maximin support: with it, the costs of the funded projects can be shared among the voters who voted for them "
                        + "so that nobody carries more than £5.00, the least any project allowed. 2 voters carry that much.");
    }

    /** Residents read rules and tie-breaks in words: every rule an officer can choose and every criterion has them. */
    @org.junit.jupiter.api.Test
    void everyRuleAndTieBreakCriterionIsNamedInWords() {
        for (String rule : org.commonweal.pb.Rules.names()) {
            assertThat(org.commonweal.platform.core.i18n.Messages.ENGLISH.has("budgets.rule." + rule)).as(rule).isTrue();
            assertThat(org.commonweal.platform.core.i18n.Messages.ENGLISH.has("budgets.rule." + rule + ".explained")).as(rule).isTrue();
        }
        for (org.commonweal.pb.TieBreak.Criterion c : org.commonweal.pb.TieBreak.Criterion.values()) {
            assertThat(org.commonweal.platform.core.i18n.Messages.ENGLISH.has("budgets.tieBreak." + c.cliName())).as(c.name()).isTrue();
        }
    }
}
