// Largest remainder method with the Droop quota (Henry Droop, "On methods of electing representatives", 1881):
// quota = floor(votes / (seats + 1)) + 1, the smallest whole number of votes that only `seats` parties can reach.
package org.commonweal.elections.apportionment;

/** Largest remainder with the Droop quota floor(votes/(seats+1)) + 1. */
public final class DroopLargestRemainder extends LargestRemainderMethod {
    @Override
    public String id() {
        return "droop";
    }

    @Override
    protected Quotient quota(long votes, int seats) {
        return new Quotient(votes / (seats + 1L) + 1, 1);
    }
}
