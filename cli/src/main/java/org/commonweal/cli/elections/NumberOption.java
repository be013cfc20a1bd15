package org.commonweal.cli.elections;

import org.commonweal.cli.UsageException;

/** Whole-number option values, rejected with the option's name when they are not numbers or out of range. */
final class NumberOption {
    private NumberOption() {
    }

    static long parse(String text, String option) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, was '" + text + "'");
        }
    }

    static long between(String text, String option, long min, long max) throws UsageException {
        long n = parse(text, option);
        if (n < min || n > max) throw new UsageException(option + " must be between " + min + " and " + max + ", was " + n);
        return n;
    }
}
