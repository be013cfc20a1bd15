package org.commonweal.pb.mes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.commonweal.pb.Rational;

/**
 * Floating point with a rigorous absolute error bound on every value (each operation adds at most one unit
 * roundoff of its result, counted twice for safety), backed by the exact value computed lazily: every value
 * remembers how it was made, and only when a comparison is too close for the bounds to settle (in practice, a
 * genuine tie in ρ) are the exact rationals of the values involved, and of what they were made from,
 * computed and compared. Results are therefore exactly those of {@link ExactArithmetic}, at floating-point
 * speed when nothing is close.
 */
final class CertifiedArithmetic implements Arithmetic<CertifiedArithmetic.Value> {
    static final CertifiedArithmetic INSTANCE = new CertifiedArithmetic();
    private static final double EPS = 0x1p-52;
    private static final double EXACT_LONG = 0x1p53;
    private static final Value ZERO = new Value(0, 0, new Exact(Rational.ZERO));

    record Value(double x, double err, Exact exact) {
    }

    /** How a value was computed, evaluated on demand (iteratively: chains can be thousands of operations long). */
    static final class Exact {
        private static final int SUBTRACT_PRODUCT = 0, SUBTRACT = 1, MULTIPLY = 2, DIVIDE = 3, RATIO = 4, SUBTRACT_PRODUCTS = 5;
        private final int op;
        private Exact a, b;
        private Exact[] parts; // SUBTRACT_PRODUCTS: a − Σ parts[i]·ks[i]
        private long[] ks;
        private final long k;
        private final long den;
        private Rational value;

        Exact(Rational value) {
            this.op = -1;
            this.k = 0;
            this.den = 1;
            this.value = value;
        }

        private Exact(int op, Exact a, Exact b, long k) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.k = k;
            this.den = 1;
        }

        private Exact(Exact a, Exact[] parts, long[] ks) {
            this.op = SUBTRACT_PRODUCTS;
            this.a = a;
            this.parts = parts;
            this.ks = ks;
            this.k = 0;
            this.den = 1;
        }

        /** num/den, reduced only if ever needed. */
        private Exact(long num, long den) {
            this.op = RATIO;
            this.k = num;
            this.den = den;
        }

        Rational get() {
            if (value != null) return value;
            ArrayDeque<Exact> stack = new ArrayDeque<>();
            stack.push(this);
            while (!stack.isEmpty()) {
                Exact n = stack.peek();
                if (n.value != null) {
                    stack.pop();
                    continue;
                }
                boolean ready = true;
                if (n.a != null && n.a.value == null) {
                    stack.push(n.a);
                    ready = false;
                }
                if (n.b != null && n.b.value == null) {
                    stack.push(n.b);
                    ready = false;
                }
                if (n.parts != null) {
                    for (Exact part : n.parts) {
                        if (part.value != null) continue;
                        stack.push(part);
                        ready = false;
                    }
                }
                if (!ready) continue;
                n.value = switch (n.op) {
                    case SUBTRACT_PRODUCT -> n.a.value.subtractProduct(n.b.value, n.k);
                    case SUBTRACT -> n.a.value.subtract(n.b.value);
                    case MULTIPLY -> n.a.value.multiply(n.k);
                    case DIVIDE -> n.a.value.divide(n.k);
                    case RATIO -> Rational.of(n.k, n.den);
                    case SUBTRACT_PRODUCTS -> {
                        Rational r = n.a.value;
                        for (int i = 0; i < n.parts.length; i++) r = r.subtractProduct(n.parts[i].value, n.ks[i]);
                        yield r;
                    }
                    default -> throw new IllegalStateException("leaf without value");
                };
                n.a = null; // the inputs are no longer needed once the value is known
                n.b = null;
                n.parts = null;
                n.ks = null;
                stack.pop();
            }
            return value;
        }
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
        return new Value(x, err, new Exact(num, den));
    }

    public Value subtractProduct(Value a, Value v, long k) {
        double t = v.x * k;
        double et = v.err * Math.abs((double) k) + Math.abs(t) * EPS + conversionError(k, t);
        double r = a.x - t;
        return new Value(r, a.err + et + Math.abs(r) * EPS, new Exact(Exact.SUBTRACT_PRODUCT, a.exact, v.exact, k));
    }

    /** The error bound grows exactly as it would over n calls of subtractProduct. */
    public Value subtractProducts(Value a, Object[] xs, long[] ks, int n) {
        if (n == 0) return a;
        double r = a.x;
        double err = a.err;
        Exact[] parts = new Exact[n];
        for (int i = 0; i < n; i++) {
            Value v = (Value) xs[i];
            long k = ks[i];
            double t = v.x * k;
            err += v.err * Math.abs((double) k) + Math.abs(t) * EPS + conversionError(k, t);
            r -= t;
            err += Math.abs(r) * EPS;
            parts[i] = v.exact;
        }
        return new Value(r, err, new Exact(a.exact, parts, Arrays.copyOf(ks, n)));
    }

    public Value subtract(Value a, Value b) {
        if (b == ZERO) return a;
        double r = a.x - b.x;
        return new Value(r, a.err + b.err + Math.abs(r) * EPS, new Exact(Exact.SUBTRACT, a.exact, b.exact, 0));
    }

    public Value multiply(Value a, long k) {
        double r = a.x * k;
        return new Value(r, a.err * Math.abs((double) k) + Math.abs(r) * EPS + conversionError(k, r), new Exact(Exact.MULTIPLY, a.exact, null, k));
    }

    public Value divide(Value a, long k) {
        double r = a.x / k;
        return new Value(r, a.err / Math.abs((double) k) * (1 + 2 * EPS) + Math.abs(r) * EPS + conversionError(k, r),
                new Exact(Exact.DIVIDE, a.exact, null, k));
    }

    public int compare(Value a, Value b) {
        if (a.x + a.err < b.x - b.err) return -1;
        if (a.x - a.err > b.x + b.err) return 1;
        return a.exact.get().compareTo(b.exact.get());
    }

    public int compareProducts(Value a, long ka, Value b, long kb) {
        double l = a.x * ka;
        double el = a.err * Math.abs((double) ka) + Math.abs(l) * EPS + conversionError(ka, l);
        double r = b.x * kb;
        double er = b.err * Math.abs((double) kb) + Math.abs(r) * EPS + conversionError(kb, r);
        if (l + el < r - er) return -1;
        if (l - el > r + er) return 1;
        return Rational.compareProducts(a.exact.get(), ka, b.exact.get(), kb);
    }

    public int signum(Value a) {
        if (a.x - a.err > 0) return 1;
        if (a.x + a.err < 0) return -1;
        return a.exact.get().signum();
    }

    public double lower(Value a) {
        return Math.nextDown(a.x - a.err);
    }

    public double upper(Value a) {
        return Math.nextUp(a.x + a.err);
    }

    public double estimate(Value a) {
        return a.x;
    }

    public BigDecimal display(Value a) {
        return shown(a.x);
    }

    private static final MathContext SHOWN = new MathContext(15);
    private static final double LOG10_2 = Math.log10(2);

    /**
     * x rounded to 15 significant digits (half up), then to 6 decimals (half even). Expanding x exactly in decimal
     * is slow, so first try Double.toString's decimal s, within half an ulp of x: rounding is monotone, so if
     * s − m and s + m round alike for some m ≥ ulp(x), x rounds the same way; else expand x exactly.
     */
    static BigDecimal shown(double x) {
        int exponent = Math.getExponent(x);
        if (x != 0 && Math.abs(exponent) < 1000) {
            BigDecimal s = BigDecimal.valueOf(x);
            // 10^-digits ≥ 2^(exponent − 52) = ulp(x); (52 − exponent)·log10 2 is never within 1e-4 of an integer but at 0
            BigDecimal m = BigDecimal.ONE.scaleByPowerOfTen(-(int) Math.floor((52 - exponent) * LOG10_2));
            BigDecimal low = s.subtract(m).round(SHOWN);
            if (low.compareTo(s.add(m).round(SHOWN)) == 0) return low.setScale(6, RoundingMode.HALF_EVEN);
        }
        return new BigDecimal(x, SHOWN).setScale(6, RoundingMode.HALF_EVEN);
    }
}
