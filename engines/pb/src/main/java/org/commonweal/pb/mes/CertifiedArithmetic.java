package org.commonweal.pb.mes;

import java.math.BigDecimal;
import java.math.MathContext;
import org.commonweal.pb.Rational;

/**
 * Floating point with a rigorous absolute error bound on every value (each operation adds at most one unit
 * roundoff of its result, counted twice for safety). Values known exactly for free, such as a project's price
 * before any of its supporters paid, also keep their exact rational so that genuine ties are still settled
 * exactly (by the tie-break) instead of being refused.
 */
final class CertifiedArithmetic implements Arithmetic<CertifiedArithmetic.Value> {
    static final CertifiedArithmetic INSTANCE = new CertifiedArithmetic();
    private static final double EPS = 0x1p-52;
    private static final double EXACT_LONG = 0x1p53;
    private static final Value ZERO = new Value(0, 0, Rational.ZERO);

    record Value(double x, double err, Rational exact) {
    }

    private static double conversionError(long k, double product) {
        return Math.abs((double) k) >= EXACT_LONG ? Math.abs(product) * EPS : 0;
    }

    public Value zero() {
        return ZERO;
    }

    public Value ratio(long num, long den) {
        double x = (double) num / (double) den;
        double err = Math.abs(x) * EPS + conversionError(num, x) + conversionError(den, x);
        return new Value(x, err, Rational.of(num, den));
    }

    public Value subtractProduct(Value a, Value v, long k) {
        double t = v.x * k;
        double et = v.err * Math.abs((double) k) + Math.abs(t) * EPS + conversionError(k, t);
        double r = a.x - t;
        return new Value(r, a.err + et + Math.abs(r) * EPS, null);
    }

    public Value subtract(Value a, Value b) {
        if (b.x == 0 && b.err == 0) return a;
        double r = a.x - b.x;
        return new Value(r, a.err + b.err + Math.abs(r) * EPS, null);
    }

    public Value multiply(Value a, long k) {
        double r = a.x * k;
        return new Value(r, a.err * Math.abs((double) k) + Math.abs(r) * EPS + conversionError(k, r), null);
    }

    public Value divide(Value a, long k) {
        double r = a.x / k;
        return new Value(r, a.err / Math.abs((double) k) * (1 + 2 * EPS) + Math.abs(r) * EPS + conversionError(k, r), null);
    }

    public int compare(Value a, Value b) {
        if (a.x + a.err < b.x - b.err) return -1;
        if (a.x - a.err > b.x + b.err) return 1;
        if (a.exact != null && b.exact != null) return a.exact.compareTo(b.exact);
        if (a.err == 0 && b.err == 0) return Double.compare(a.x, b.x);
        throw new TooCloseToCall();
    }

    public int compareProducts(Value a, long ka, Value b, long kb) {
        double l = a.x * ka;
        double el = a.err * Math.abs((double) ka) + Math.abs(l) * EPS + conversionError(ka, l);
        double r = b.x * kb;
        double er = b.err * Math.abs((double) kb) + Math.abs(r) * EPS + conversionError(kb, r);
        if (l + el < r - er) return -1;
        if (l - el > r + er) return 1;
        if (a.exact != null && b.exact != null) return Rational.compareProducts(a.exact, ka, b.exact, kb);
        throw new TooCloseToCall();
    }


    public int signum(Value a) {
        if (a.x - a.err > 0) return 1;
        if (a.x + a.err < 0) return -1;
        if (a.exact != null) return a.exact.signum();
        if (a.err == 0) return 0;
        throw new TooCloseToCall();
    }

    public double lower(Value a) {
        return Math.nextDown(a.x - a.err);
    }

    public double upper(Value a) {
        return Math.nextUp(a.x + a.err);
    }

    public BigDecimal display(Value a) {
        return a.exact != null ? a.exact.toBigDecimal(6) : new BigDecimal(a.x, new MathContext(12)).setScale(6, java.math.RoundingMode.HALF_EVEN);
    }
}
