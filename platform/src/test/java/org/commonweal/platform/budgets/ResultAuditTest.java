package org.commonweal.platform.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Set;
import org.commonweal.pb.Instance;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.stats.Priceability;
import org.junit.jupiter.api.Test;

class ResultAuditTest {
    /** Ten voters, £100: six choose the two £30 projects a and b, four the £40 project c. */
    private static Instance vote(String voteType, String points) throws Exception {
        StringBuilder text = new StringBuilder("""
                META
                key;value
                budget;100
                vote_type;%s
                PROJECTS
                project_id;cost;name
                a;30;Mill Lane repair café
                b;30;Quay benches
                c;40;Ferry Row lights
                VOTES
                voter_id;vote%s
                """.formatted(voteType, points.isEmpty() ? "" : ";points"));
        for (int v = 0; v < 10; v++) text.append(v).append(v < 6 ? ";a,b" + points.replace("P", "5,5") : ";c" + points.replace("P", "10")).append('\n');
        return PabulibReader.read(new StringReader(text.toString()), "vote.pb");
    }

    @Test
    void aGroupLeftWithNothingThatCouldHaveAffordedItsProjectIsNamed() throws Exception {
        // Funding only c leaves the six with nothing, though 60% of the voters could have paid for a (30% of the money).
        ResultAudit audit = ResultAudit.of(vote("approval", ""), Set.of(2));
        assertThat(audit.nothingFunded()).isEqualTo(6);
        assertThat(audit.nothingPercent()).isEqualTo("60%");
        assertThat(audit.gini()).isEqualTo("0.60"); // four at 40, six at 0
        assertThat(audit.representation()).isEqualTo(ResultAudit.Representation.VIOLATED);
        assertThat(audit.groupSize()).isEqualTo(6);
        assertThat(audit.groupProject()).isIn("Mill Lane repair café", "Quay benches", "Mill Lane repair café, Quay benches");
        // Shares must add up to the pot (£10 each or more), so the six keep £60, more than a or b costs: not priceable.
        assertThat(audit.priceability()).isEqualTo(Priceability.Status.NOT_PRICEABLE);
    }

    @Test
    void fundingEveryProjectFromEqualSharesIsPriceableAtTheShare() throws Exception {
        // £10 each: the six pay £60 for a and b, the four £40 for c.
        ResultAudit audit = ResultAudit.of(vote("approval", ""), Set.of(0, 1, 2));
        assertThat(audit.priceability()).isEqualTo(Priceability.Status.PRICEABLE);
        assertThat(audit.perVoter()).isEqualTo(10);
        assertThat(ResultAudit.of(vote("cumulative", ";P"), Set.of(0, 1, 2)).priceability()).isEqualTo(Priceability.Status.PRICEABLE);
    }

    @Test
    void fundingEveryGroupItsShareSatisfiesTheAxiomAndPointsBallotsAreNotJudgedByIt() throws Exception {
        assertThat(ResultAudit.of(vote("approval", ""), Set.of(0, 1, 2)).representation()).isEqualTo(ResultAudit.Representation.SATISFIED);
        ResultAudit points = ResultAudit.of(vote("cumulative", ";P"), Set.of(2));
        assertThat(points.representation()).isEqualTo(ResultAudit.Representation.NOT_APPLICABLE);
        assertThat(points.nothingFunded()).isEqualTo(6);
    }
}
