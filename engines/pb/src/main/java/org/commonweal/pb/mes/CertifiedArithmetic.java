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
    private static final Value ZERO = new Zero();

    /**
     * A double x within err of the exact value, and how that value is made from others, evaluated on demand
     * (iteratively: chains can be thousands of operations long). One object per value: an add1 completion makes millions.
     */
    abstract static sealed class Value permits Zero, Ratio, Difference, Derived {
        final double x, err;
        private Rational exact;

        Value(double x, double err) {
            this.x = x;
            this.err = err;
        }

        /** The values this one is made from (none once its own exact value is known). */
        abstract Value[] inputs();

        /** This value from its inputs' exact values, which are known when it is called. */
        abstract Rational compute();

        /** Drops the inputs once the exact value is known, so that chains do not outlive their use. */
        abstract void forget();

        Rational exact() {
            if (exact != null) return exact;
            ArrayDeque<Value> stack = new ArrayDeque<>();
            stack.push(this);
            while (!stack.isEmpty()) {
                Value n = stack.peek();
                if (n.exact != null) {
                    stack.pop();
                    continue;
                }
                boolean ready = true;
                for (Value in : n.inputs()) {
                    if (in.exact != null) continue;
                    stack.push(in);
                    ready = false;
                }
                if (!ready) continue;
                n.exact = n.compute();
                n.forget();
                stack.pop();
            }
            return exact;
        }
    }

    private static final Value[] NONE = {};

    private static final class Zero extends Value {
        Zero() {
            super(0, 0);
            super.exact = Rational.ZERO;
        }

        Value[] inputs() {
            return NONE;
        }

        Rational compute() {
            throw new IllegalStateException("known from the start");
        }

        void forget() {
        }
    }

    /** num/den, reduced only if ever needed. */
    private static final class Ratio extends Value {
        private final long num, den;

        Ratio(double x, double err, long num, long den) {
            super(x, err);
            this.num = num;
            this.den = den;
        }

        Value[] inputs() {
            return NONE;
        }

        Rational compute() {
            return Rational.of(num, den);
        }

        void forget() {
        }
    }

    /** a − b: what a class holds after paying, the commonest value by far. */
    private static final class Difference extends Value {
        private Value a, b;

        Difference(double x, double err, Value a, Value b) {
            super(x, err);
            this.a = a;
            this.b = b;
        }

        Value[] inputs() {
            return a == null ? NONE : new Value[]{a, b};
        }

        Rational compute() {
            return a.exact.subtract(b.exact);
        }

        void forget() {
            a = null;
            b = null;
        }
    }

    /** a − v·k, a·k, a/k, or a − Σ parts[i]·ks[i]. */
    private static final class Derived extends Value {
        private static final int SUBTRACT_PRODUCT = 0, MULTIPLY = 1, DIVIDE = 2, SUBTRACT_PRODUCTS = 3;
        private final int op;
        private final long k;
        private Value a, v;
        private Value[] parts;
        private long[] ks;

        Derived(double x, double err, int op, Value a, Value v, long k) {
            super(x, err);
            this.op = op;
            this.a = a;
            this.v = v;
            this.k = k;
        }

        Derived(double x, double err, Value a, Value[] parts, long[] ks) {
            this(x, err, SUBTRACT_PRODUCTS, a, null, 0);
            this.parts = parts;
            this.ks = ks;
        }

        Value[] inputs() {
            if (a == null) return NONE;
            if (op == SUBTRACT_PRODUCTS) {
                Value[] all = Arrays.copyOf(parts, parts.length + 1);
                all[parts.length] = a;
                return all;
            }
            return v == null ? new Value[]{a} : new Value[]{a, v};
        }

        Rational compute() {
            return switch (op) {
                case SUBTRACT_PRODUCT -> a.exact.subtractProduct(v.exact, k);
                case MULTIPLY -> a.exact.multiply(k);
                case DIVIDE -> a.exact.divide(k);
                default -> {
                    Rational r = a.exact;
                    for (int i = 0; i < parts.length; i++) r = r.subtractProduct(parts[i].exact, ks[i]);
                    yield r;
                }
            };
        }

        void forget() {
            a = null;
            v = null;
            parts = null;
            ks = null;
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
        return new Ratio(x, err, num, den);
    }

    public Value subtractProduct(Value a, Value v, long k) {
        double t = v.x * k;
        double et = v.err * Math.abs((double) k) + Math.abs(t) * EPS + conversionError(k, t);
        double r = a.x - t;
        return new Derived(r, a.err + et + Math.abs(r) * EPS, Derived.SUBTRACT_PRODUCT, a, v, k);
    }

    /** The error bound grows exactly as it would over n calls of subtractProduct. */
    public Value subtractProducts(Value a, Object[] xs, long[] ks, int n) {
        if (n == 0) return a;
        double r = a.x;
        double err = a.err;
        Value[] parts = new Value[n];
        for (int i = 0; i < n; i++) {
            Value v = (Value) xs[i];
            long k = ks[i];
            double t = v.x * k;
            err += v.err * Math.abs((double) k) + Math.abs(t) * EPS + conversionError(k, t);
            r -= t;
            err += Math.abs(r) * EPS;
            parts[i] = v;
        }
        return new Derived(r, err, a, parts, Arrays.copyOf(ks, n));
    }

    public Value subtract(Value a, Value b) {
        if (b == ZERO) return a;
        double r = a.x - b.x;
        return new Difference(r, a.err + b.err + Math.abs(r) * EPS, a, b);
    }

    public Value multiply(Value a, long k) {
        double r = a.x * k;
        return new Derived(r, a.err * Math.abs((double) k) + Math.abs(r) * EPS + conversionError(k, r), Derived.MULTIPLY, a, null, k);
    }

    public Value divide(Value a, long k) {
        double r = a.x / k;
        return new Derived(r, a.err / Math.abs((double) k) * (1 + 2 * EPS) + Math.abs(r) * EPS + conversionError(k, r),
                Derived.DIVIDE, a, null, k);
    }

    public int compare(Value a, Value b) {
        if (a.x + a.err < b.x - b.err) return -1;
        if (a.x - a.err > b.x + b.err) return 1;
        return a.exact().compareTo(b.exact());
    }

    public int compareProducts(Value a, long ka, Value b, long kb) {
        double l = a.x * ka;
        double el = a.err * Math.abs((double) ka) + Math.abs(l) * EPS + conversionError(ka, l);
        double r = b.x * kb;
        double er = b.err * Math.abs((double) kb) + Math.abs(r) * EPS + conversionError(kb, r);
        if (l + el < r - er) return -1;
        if (l - el > r + er) return 1;
        return Rational.compareProducts(a.exact(), ka, b.exact(), kb);
    }

    public int signum(Value a) {
        if (a.x - a.err > 0) return 1;
        if (a.x + a.err < 0) return -1;
        return a.exact().signum();
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
