package org.commonweal.elections.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShareBalancePropertiesTest {
    /** targets: a negative number leaves the party unset; shares are in millionths of a point (0 to 100%). */
    @Property(tries = 500)
    void balancedSharesAddUpToAHundredAndKeepTheGivenOnesBelowAHundred(
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000) Long> votes,
            @ForAll @Size(min = 12, max = 12) List<@LongRange(min = -100_000_000, max = 100_000_000) Long> targets) {
        int n = votes.size();
        long[] v = new long[n];
        long[] t = new long[n];
        long given = 0;
        long othersVotes = 0;
        for (int p = 0; p < n; p++) {
            v[p] = votes.get(p);
            t[p] = targets.get(p) < 0 ? ShareBalance.UNSET : targets.get(p);
            if (t[p] == ShareBalance.UNSET) othersVotes += v[p];
            else given += t[p];
        }
        if (given == 0 && othersVotes == 0) return;
        long[] balanced = ShareBalance.balance(v, t);
        long sum = 0;
        for (long b : balanced) sum += b;
        assertThat(sum).isCloseTo(FixedPoint.HUNDRED_MILLION, org.assertj.core.data.Offset.offset((long) n));
        for (int p = 0; p < n; p++) {
            assertThat(balanced[p]).isNotNegative();
            if (t[p] != ShareBalance.UNSET && given < FixedPoint.HUNDRED_MILLION && othersVotes > 0) assertThat(balanced[p]).isEqualTo(t[p]);
        }
    }
}
