package org.commonweal.platform.volunteers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A day in words on the volunteers' pages and mail ("3 August 2026"). */
public final class Days {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Days() {
    }

    public static String of(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
