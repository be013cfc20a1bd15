package org.commonweal.elections.apportionment;

import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Drawing of lots, as the statutes require for a tie that nothing else separates (e.g. Representation of
 * the People Act 1983, Sch. 1 rule 49; Scotland Act 1998 s. 8). Each name draws a ticket from a generator
 * seeded with the election's seed and the name itself, so the draw is reproducible from the seed and never
 * depends on the order in which names happen to be listed or stored.
 */
public record Lot(long seed) {
    /** Orders names so that the winner of the draw comes first. */
    public Comparator<String> order() {
        return Comparator.comparingLong(this::ticket).thenComparing(Comparator.naturalOrder());
    }

    public long ticket(String name) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode()).nextLong();
    }
}
