// Sainte-Laguë method (André Sainte-Laguë, "La représentation proportionnelle et la méthode des moindres carrés", 1910),
// identical to Webster's method; divisors 1, 3, 5, ... (as in the New Zealand Electoral Act 1993, Sch. 2).
package org.commonweal.elections.apportionment;

/** Highest averages with divisors 1, 3, 5, ... */
public final class SainteLague extends DivisorMethod {
    @Override
    public String id() {
        return "sainte-lague";
    }

    @Override
    protected long scaledDivisor(int seatsHeld) {
        return 2L * seatsHeld + 1;
    }
}
