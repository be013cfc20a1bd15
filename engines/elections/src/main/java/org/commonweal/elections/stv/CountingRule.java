package org.commonweal.elections.stv;

/** A way of counting ranked ballots into seats. */
public interface CountingRule {
    /** The name used on the command line and in reports, e.g. {@code scottish}. */
    String name();

    /** @param seed seeds the lottery that settles ties the rule's look-back cannot */
    CountReport count(Election election, long seed);
}
