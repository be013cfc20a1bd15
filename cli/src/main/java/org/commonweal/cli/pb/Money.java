package org.commonweal.cli.pb;

import org.commonweal.pb.Instance;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Scaled amounts of one instance as a resident reads them: "4,800,000 PLN". */
final class Money {
    private final Instance instance;
    private final String currency;

    Money(Instance instance) {
        this.instance = instance;
        String c = instance.meta().getOrDefault("currency", "").strip();
        this.currency = c.isEmpty() ? "" : " " + c;
    }

    /** The amount in currency units, never in exponent notation (JSON readers expect 1580150, not 1.58015E+6). */
    BigDecimal decimal(long scaled) {
        BigDecimal d = instance.toCurrency(scaled);
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    String text(long scaled) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(instance.costScale());
        return format.format(decimal(scaled)) + currency;
    }

    /**
     * An amount in currency units that may have many decimals (a voter's share under Equal Shares) to the
     * hundredth, as money is paid: "45.12 PLN", "1,204.50 PLN".
     */
    String text(BigDecimal units) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format.format(units) + currency;
    }
}
