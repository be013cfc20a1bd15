package org.commonweal.elections.model;

import java.util.List;

/** A party withdrawing its candidates; {@code constituencies} (ids or names) only for {@link StandDownRule#LISTED}. */
public record StandDown(String party, StandDownRule where, List<String> constituencies) {
    public StandDown {
        constituencies = constituencies == null ? List.of() : List.copyOf(constituencies);
    }
}
