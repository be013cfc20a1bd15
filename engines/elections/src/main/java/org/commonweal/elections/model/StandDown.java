package org.commonweal.elections.model;

import java.util.List;

/**
 * A party withdrawing its candidates; {@code constituencies} (ids or names) only for {@link StandDownRule#LISTED},
 * {@code beneficiary} (an alliance party) only for {@link StandDownRule#BENEFICIARY_BEST_PLACED}.
 */
public record StandDown(String party, StandDownRule where, List<String> constituencies, String beneficiary) {
    public StandDown {
        constituencies = constituencies == null ? List.of() : List.copyOf(constituencies);
    }

    public StandDown(String party, StandDownRule where, List<String> constituencies) {
        this(party, where, constituencies, null);
    }
}
