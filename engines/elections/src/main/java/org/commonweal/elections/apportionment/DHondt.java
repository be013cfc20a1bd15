// D'Hondt method (Victor D'Hondt, "Système pratique et raisonné de représentation proportionnelle", 1882);
// divisors 1, 2, 3, ...; used for UK European Parliament elections (European Parliamentary Elections Act 2002 s. 2) and AMS lists.
package org.commonweal.elections.apportionment;

/** Highest averages with divisors 1, 2, 3, ... */
public final class DHondt extends DivisorMethod {
    @Override
    public String id() {
        return "dhondt";
    }

    @Override
    protected long scaledDivisor(int seatsHeld) {
        return seatsHeld + 1L;
    }
}
