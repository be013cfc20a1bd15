package org.commonweal.pb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.commonweal.pb.Rational;

/** The check that an unfunded project's supporters hold no more than its cost, in doubles where that is safe. */
class EqualSharesPriceSystemTest {

    /**
     * Fractions of up to a hundred digits, as a long pass leaves them, summed against bounds at, just below and just above
     * the exact total: the answer is always the exact one.
     */
    @Property(tries = 300)
    void aTotalIsAtMostTheBoundExactlyWhenItsExactSumIs(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 90) Integer> digits,
                                                        @ForAll @IntRange(min = 1, max = 1000) int count,
                                                        @ForAll @IntRange(min = -2, max = 2) int offset) {
        Map<Rational, long[]> counted = new IdentityHashMap<>();
        java.util.Random random = new java.util.Random(digits.hashCode() * 31L + count);
        for (int d : digits) {
            BigInteger den = new BigInteger(d * 3 + 4, random).add(BigInteger.ONE);
            BigInteger num = den.multiply(BigInteger.valueOf(random.nextInt(1_000_000))).add(new BigInteger(d * 3 + 3, random));
            counted.put(Rational.of(num, den), new long[]{1 + random.nextInt(count)});
        }
        Rational exact = Rational.ZERO;
        for (Map.Entry<Rational, long[]> e : counted.entrySet()) exact = exact.add(e.getKey().multiply(e.getValue()[0]));
        long near = exact.numerator().divide(exact.denominator()).longValueExact() + offset;
        for (long bound : new long[]{near, near + 1}) {
            if (bound < 0) continue;
            assertThat(EqualSharesPriceSystem.totalAtMost(counted, bound)).as("total %s against %d", exact, bound)
                    .isEqualTo(exact.compareTo(Rational.of(bound)) <= 0);
        }
    }

    @Property(tries = 50)
    void aTotalWithinRoundingOfTheBoundIsDecidedExactly(@ForAll @IntRange(min = 2, max = 5000) int parts,
                                                        @ForAll @IntRange(min = 1, max = 1_000_000) int bound) {
        // bound in parts equal fractions, and 10⁻³⁰ more or less: doubles cannot see the difference, the exact sum must.
        Rational tiny = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(30));
        for (int sign : new int[]{1, -1}) {
            Map<Rational, long[]> counted = new IdentityHashMap<>();
            counted.put(Rational.of(bound, parts), new long[]{parts - 1});
            counted.put(Rational.of(bound, parts).add(sign > 0 ? tiny : tiny.negate()), new long[]{1});
            assertThat(EqualSharesPriceSystem.totalAtMost(counted, bound)).as("%d parts of %d, %s 10^-30", parts, bound, sign > 0 ? "+" : "-")
                    .isEqualTo(sign < 0);
        }
    }
}
