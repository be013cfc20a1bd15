// Modified Sainte-Laguë method with first divisor 1.4 (Norway, Representation of the People Act 2002 § 11-4;
// Sweden until 2018, Elections Act 14 ch.); divisors 1.4, 3, 5, 7, ...
package org.commonweal.elections.apportionment;

/** Highest averages with divisors 1.4, 3, 5, ...; scaled by 5 to the integers 7, 15, 25, ... */
public final class ModifiedSainteLague extends DivisorMethod {
    @Override
    public String id() {
        return "modified-sainte-lague";
    }

    @Override
    protected long scaledDivisor(int seatsHeld) {
        return seatsHeld == 0 ? 7 : 5L * (2L * seatsHeld + 1);
    }
}
