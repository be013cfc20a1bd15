package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Money shown in explanations is the same however it is computed: the fast path equals the exact decimal expansion. */
class CertifiedDisplayTest {

    @Provide
    Arbitrary<Double> amounts() {
        // ratios of integers as MES makes them, decimals with 14 to 17 digits (close to the rounding ties), and any double
        Arbitrary<Double> ratios = Arbitraries.longs().between(0, 1L << 50).flatMap(n ->
                Arbitraries.longs().between(1, 1_000_000).map(d -> (double) n / d));
        Arbitrary<Double> nearTies = Arbitraries.longs().between(1, 999_999_999_999_999L).flatMap(digits ->
                Arbitraries.integers().between(-20, 20).map(scale -> new BigDecimal(digits * 10 + 5).scaleByPowerOfTen(-scale).doubleValue()));
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        return Arbitraries.oneOf(ratios, nearTies, any, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.5e-6, 1.0));
    }

    @Property(tries = 10_000)
    void shownAmountEqualsTheExactExpansionRounded(@ForAll("amounts") double x) {
        assertThat(CertifiedArithmetic.shown(x)).isEqualTo(new BigDecimal(x, new MathContext(15)).setScale(6, RoundingMode.HALF_EVEN));
    }
}
