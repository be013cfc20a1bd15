package org.commonweal.elections.apportionment;

/**
 * The exact fraction numerator/denominator that every apportionment comparison goes through: averages
 * (votes over a divisor), quotas and remainders. Compared by cross-multiplication in long arithmetic, which
 * overflows (and then throws) only beyond 9.2e18 — far above votes times divisors of any real election.
 */
public record Quotient(long numerator, long denominator) implements Comparable<Quotient> {
    public Quotient {
        if (numerator < 0 || denominator <= 0) throw new IllegalArgumentException("bad quotient " + numerator + "/" + denominator);
    }

    @Override
    public int compareTo(Quotient o) {
        return Long.compare(Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator));
    }

    /** How many whole times this fraction fits into {@code votes}: floor(votes / (numerator/denominator)). */
    public long wholeTimesIn(long votes) {
        return Math.multiplyExact(votes, denominator) / numerator;
    }

    /** What is left of {@code votes} after {@link #wholeTimesIn}, measured in units of 1/denominator votes. */
    public long remainderOf(long votes) {
        return Math.multiplyExact(votes, denominator) % numerator;
    }
}
