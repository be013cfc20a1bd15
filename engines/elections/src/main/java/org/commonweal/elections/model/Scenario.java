package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What-if for an electoral alliance: swings, the alliance's members, who stands down where, where the
 * withdrawn parties' voters go, and the uncertainty for the Monte Carlo runs. Checked against the results
 * by {@link AllianceModel}; errors name the JSON field (the component names here).
 *
 * @param constituencySd standard deviation, in percentage points, of independent noise added to every
 *                       candidate in every constituency in every Monte Carlo run (local variation)
 * @param nonPartyLabels labels that are not parties: they can win constituencies but take no part in the
 *                       proportional comparisons (independents, the Speaker, the aggregate of others)
 */
public record Scenario(List<String> alliance, List<Swing> swings, List<StandDown> standDowns, List<Transfer> transfers,
                       BigDecimal constituencySd, AmsAssumption ams, List<String> nonPartyLabels) {
    public static final List<String> DEFAULT_NON_PARTY_LABELS = List.of("Ind", "Spk", "Other");

    public Scenario {
        alliance = alliance == null ? List.of() : List.copyOf(alliance);
        swings = swings == null ? List.of() : List.copyOf(swings);
        standDowns = standDowns == null ? List.of() : List.copyOf(standDowns);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        if (constituencySd == null) constituencySd = BigDecimal.ZERO;
        if (ams == null) ams = AmsAssumption.SCOTTISH_PARLIAMENT;
        nonPartyLabels = nonPartyLabels == null ? DEFAULT_NON_PARTY_LABELS : List.copyOf(nonPartyLabels);
    }

    /** No change at all: the results as they stand. */
    public static Scenario none() {
        return new Scenario(null, null, null, null, null, null, null);
    }
}
