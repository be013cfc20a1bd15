package org.commonweal.platform.budgets;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Amounts are whole minor units (pence) of the pot's currency everywhere except the text people type and read. */
public final class Money {
    private Money() {
    }

    /** "25000", "25,000.50" or "£1,200" as minor units; empty when not a positive amount with at most the currency's decimals. */
    public static Optional<Long> parse(String text, String currency) {
        String cleaned = text.strip().replace(",", "").replace(Currency.getInstance(currency).getSymbol(Locale.UK), "").strip();
        if (!cleaned.matches("[0-9]{1,13}(\\.[0-9]+)?")) return Optional.empty();
        try {
            BigDecimal minor = new BigDecimal(cleaned).movePointRight(scale(currency));
            if (minor.signum() <= 0) return Optional.empty();
            return Optional.of(minor.longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    public static String format(long minor, String currency) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.UK);
        f.setCurrency(Currency.getInstance(currency));
        return f.format(BigDecimal.valueOf(minor, scale(currency)));
    }

    /** The amount as typed in a form (no symbol, no separators). */
    public static String plain(long minor, String currency) {
        return BigDecimal.valueOf(minor, scale(currency)).toPlainString();
    }

    public static int scale(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public static boolean knownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return code.matches("[A-Z]{3}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
