package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What-if for an electoral alliance: vote shares from a poll, swings, local factors, the alliance's members,
 * who stands down where, where the withdrawn parties' voters go, tactical voting, the uncertainty for the
 * Monte Carlo runs and the assumptions of the proportional comparisons. Checked against the results by
 * {@link AllianceModel}; errors name the JSON field (the component names here).
 *
 * @param constituencySd standard deviation, in percentage points, of independent noise added to every
 *                       candidate in every constituency in every Monte Carlo run (local variation)
 * @param nonPartyLabels labels that are not parties: they can win constituencies but take no part in the
 *                       proportional comparisons (independents, the Speaker, the aggregate of others)
 * @param polls          vote shares to reach, applied before {@code swings} (see {@link Poll})
 * @param tactical       shares of a party's voters who vote for the best-placed ally where their party stands
 * @param overrides      local factors: points added to one party in one constituency
 * @param incumbency     points added to the party that held each seat (the sitting member's personal vote)
 * @param regionSd       standard deviation, in percentage points, of a swing drawn once per run for every
 *                       party in every region and added in all its constituencies: errors correlated within a region
 * @param stv            the single transferable vote projection, or null for none
 */
public record Scenario(List<String> alliance, List<Swing> swings, List<StandDown> standDowns, List<Transfer> transfers,
                       BigDecimal constituencySd, AmsAssumption ams, List<String> nonPartyLabels, List<Poll> polls,
                       List<Tactical> tactical, List<SeatOverride> overrides, BigDecimal incumbency, BigDecimal regionSd,
                       StvAssumption stv) {
    public static final List<String> DEFAULT_NON_PARTY_LABELS = List.of("Ind", "Spk", "Other");

    public Scenario {
        alliance = alliance == null ? List.of() : List.copyOf(alliance);
        swings = swings == null ? List.of() : List.copyOf(swings);
        standDowns = standDowns == null ? List.of() : List.copyOf(standDowns);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        if (constituencySd == null) constituencySd = BigDecimal.ZERO;
        if (ams == null) ams = AmsAssumption.SCOTTISH_PARLIAMENT;
        nonPartyLabels = nonPartyLabels == null ? DEFAULT_NON_PARTY_LABELS : List.copyOf(nonPartyLabels);
        polls = polls == null ? List.of() : List.copyOf(polls);
        tactical = tactical == null ? List.of() : List.copyOf(tactical);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (incumbency == null) incumbency = BigDecimal.ZERO;
        if (regionSd == null) regionSd = BigDecimal.ZERO;
    }

    /** A scenario of the alliance, swing and pact only, with none of the later additions. */
    public Scenario(List<String> alliance, List<Swing> swings, List<StandDown> standDowns, List<Transfer> transfers,
                    BigDecimal constituencySd, AmsAssumption ams, List<String> nonPartyLabels) {
        this(alliance, swings, standDowns, transfers, constituencySd, ams, nonPartyLabels, null, null, null, null, null, null);
    }

    /** No change at all: the results as they stand. */
    public static Scenario none() {
        return new Scenario(null, null, null, null, null, null, null);
    }

    /** The same scenario with another STV projection (e.g. once adjacent seats have been grouped). */
    public Scenario withStv(StvAssumption projection) {
        return new Scenario(alliance, swings, standDowns, transfers, constituencySd, ams, nonPartyLabels, polls, tactical, overrides,
                incumbency, regionSd, projection);
    }
}
