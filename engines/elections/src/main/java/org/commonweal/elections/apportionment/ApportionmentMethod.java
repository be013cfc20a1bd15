package org.commonweal.elections.apportionment;

import java.util.List;

/**
 * A rule that shares a fixed number of seats among parties by their votes. Ties between equal averages or
 * equal remainders go to the party with more votes, then by {@link Lot}.
 */
public interface ApportionmentMethod {
    /** The method's name on the command line and in JSON. */
    String id();

    Allocation allocate(List<PartyVotes> votes, int seats, Threshold threshold, Lot lot);

    /** Every method, in the order `commonweal elections apportion --help` lists them. */
    static List<ApportionmentMethod> all() {
        return List.of(new DHondt(), new SainteLague(), new ModifiedSainteLague(), new HareLargestRemainder(), new DroopLargestRemainder());
    }

    static ApportionmentMethod byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown apportionment method '" + id + "' (expected one of "
                        + String.join(", ", all().stream().map(ApportionmentMethod::id).toList()) + ")"));
    }
}
