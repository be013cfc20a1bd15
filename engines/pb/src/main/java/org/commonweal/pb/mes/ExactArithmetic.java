package org.commonweal.pb.mes;

import java.math.BigDecimal;
import org.commonweal.pb.Rational;

/** Exact rationals: the reference arithmetic of an MES pass. */
final class ExactArithmetic implements Arithmetic<Rational> {
    static final ExactArithmetic INSTANCE = new ExactArithmetic();

    public Rational zero() {
        return Rational.ZERO;
    }

    public Rational ratio(long num, long den) {
        return Rational.of(num, den);
    }

    public Rational subtractProduct(Rational a, Rational x, long k) {
        return a.subtractProduct(x, k);
    }

    public Rational subtractProducts(Rational a, Object[] xs, long[] ks, int n) {
        Rational r = a;
        for (int i = 0; i < n; i++) r = r.subtractProduct((Rational) xs[i], ks[i]);
        return r;
    }

    public Rational subtract(Rational a, Rational b) {
        return a.subtract(b);
    }

    public Rational multiply(Rational a, long k) {
        return a.multiply(k);
    }

    public Rational divide(Rational a, long k) {
        return a.divide(k);
    }

    public int compare(Rational a, Rational b) {
        return a.compareTo(b);
    }

    public int compareProducts(Rational a, long ka, Rational b, long kb) {
        return Rational.compareProducts(a, ka, b, kb);
    }


    public int signum(Rational a) {
        return a.signum();
    }

    public double lower(Rational a) {
        double d = a.doubleValue();
        return d - Math.abs(d) * 1e-12 - Double.MIN_VALUE;
    }

    public double upper(Rational a) {
        double d = a.doubleValue();
        return d + Math.abs(d) * 1e-12 + Double.MIN_VALUE;
    }

    public double estimate(Rational a) {
        return a.doubleValue();
    }

    public BigDecimal display(Rational a) {
        return a.toBigDecimal(6);
    }
}
