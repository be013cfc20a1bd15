// Largest remainder method with the Hare quota (Thomas Hare, "The Election of Representatives", 1859),
// also called Hamilton's method: quota = votes / seats, an exact fraction.
package org.commonweal.elections.apportionment;

/** Largest remainder with the Hare quota votes/seats. */
public final class HareLargestRemainder extends LargestRemainderMethod {
    @Override
    public String id() {
        return "hare";
    }

    @Override
    protected Quotient quota(long votes, int seats) {
        return new Quotient(votes, seats);
    }
}
