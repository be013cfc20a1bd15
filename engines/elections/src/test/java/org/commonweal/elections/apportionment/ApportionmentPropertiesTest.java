package org.commonweal.elections.apportionment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApportionmentPropertiesTest {
    private static final Lot LOT = new Lot(11);

    @Provide
    Arbitrary<List<Long>> votes() {
        return Arbitraries.longs().between(0, 2_000_000).list().ofMinSize(1).ofMaxSize(9)
                .filter(l -> l.stream().anyMatch(v -> v > 0));
    }

    /** Real elections: every party has far more votes than there are seats. */
    @Provide
    Arbitrary<List<Long>> electionVotes() {
        return Arbitraries.longs().between(1_000, 2_000_000).list().ofMinSize(1).ofMaxSize(9);
    }

    @Provide
    Arbitrary<ApportionmentMethod> anyMethod() {
        return Arbitraries.of(ApportionmentMethod.all());
    }

    @Provide
    Arbitrary<DivisorMethod> divisorMethod() {
        return Arbitraries.of(new DHondt(), new SainteLague(), new ModifiedSainteLague());
    }

    private static List<PartyVotes> parties(List<Long> votes) {
        List<PartyVotes> list = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) list.add(new PartyVotes("P" + i, votes.get(i)));
        return list;
    }

    @Property(tries = 300)
    void seatsAlwaysSumToTheHouseSize(@ForAll("anyMethod") ApportionmentMethod method, @ForAll("votes") List<Long> votes,
                                      @ForAll @IntRange(max = 400) int seats) {
        assertThat(method.allocate(parties(votes), seats, Threshold.NONE, LOT).total()).isEqualTo(seats);
    }

    @Property(tries = 300)
    void aPartyNeverLosesASeatWhenOnlyItsVotesRise(@ForAll("divisorMethod") DivisorMethod method, @ForAll("votes") List<Long> votes,
                                                   @ForAll @IntRange(max = 9) int which, @ForAll @IntRange(min = 1, max = 500_000) int extra,
                                                   @ForAll @IntRange(min = 1, max = 120) int seats) {
        Assume.that(which < votes.size());
        List<Long> more = new ArrayList<>(votes);
        more.set(which, votes.get(which) + extra);
        String party = "P" + which;
        assertThat(method.allocate(parties(more), seats, Threshold.NONE, LOT).seatsOf(party))
                .isGreaterThanOrEqualTo(method.allocate(parties(votes), seats, Threshold.NONE, LOT).seatsOf(party));
    }

    @Property(tries = 300)
    void noPartyLosesASeatWhenTheHouseGrows(@ForAll("divisorMethod") DivisorMethod method, @ForAll("votes") List<Long> votes,
                                            @ForAll @IntRange(max = 150) int seats) {
        Allocation smaller = method.allocate(parties(votes), seats, Threshold.NONE, LOT);
        Allocation larger = method.allocate(parties(votes), seats + 1, Threshold.NONE, LOT);
        smaller.seats().forEach((party, n) -> assertThat(larger.seatsOf(party)).as(party).isGreaterThanOrEqualTo(n));
    }

    @Property(tries = 300)
    void hareLargestRemainderSeatsStayWithinTheQuota(@ForAll("votes") List<Long> votes, @ForAll @IntRange(max = 400) int seats) {
        long total = votes.stream().mapToLong(Long::longValue).sum();
        Allocation a = new HareLargestRemainder().allocate(parties(votes), seats, Threshold.NONE, LOT);
        for (int i = 0; i < votes.size(); i++) {
            long share = votes.get(i) * seats;
            long lower = share / total;
            long upper = share % total == 0 ? lower : lower + 1;
            assertThat((long) a.seatsOf("P" + i)).as("P" + i).isBetween(lower, upper);
        }
    }

    /**
     * The Droop quota is smaller than the Hare quota, so Droop largest remainder meets the lower quota (once
     * there are at least seats × (seats + 1) votes, where rounding the quota up cannot push it above
     * votes/seats) and gives at most one seat beyond its whole Droop quotas. It does not meet the upper
     * quota: e.g. 118,279 / 88,563 / 1,809,140 votes for 127 seats give the largest party 115 seats
     * against a Hare share of 113.2.
     */
    @Property(tries = 300)
    void droopLargestRemainderMeetsTheLowerQuota(@ForAll("electionVotes") List<Long> votes, @ForAll @IntRange(max = 400) int seats) {
        long total = votes.stream().mapToLong(Long::longValue).sum();
        Assume.that(total >= (long) seats * (seats + 1));
        long droopQuota = total / (seats + 1) + 1;
        Allocation a = new DroopLargestRemainder().allocate(parties(votes), seats, Threshold.NONE, LOT);
        for (int i = 0; i < votes.size(); i++) {
            long lower = votes.get(i) * seats / total;
            assertThat((long) a.seatsOf("P" + i)).as("P" + i).isBetween(lower, votes.get(i) / droopQuota + 1);
        }
    }

    @org.junit.jupiter.api.Test
    void droopLargestRemainderCanExceedTheUpperQuota() {
        Allocation a = new DroopLargestRemainder().allocate(parties(List.of(118_279L, 88_563L, 1_809_140L)), 127, Threshold.NONE, LOT);
        assertThat(a.seatsOf("P2")).isEqualTo(115);
    }
}
