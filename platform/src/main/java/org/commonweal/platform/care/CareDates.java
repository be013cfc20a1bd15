package org.commonweal.platform.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days and times as care pages print them, in UK time. */
public final class CareDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private CareDates() {
    }

    public static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    public static String when(OffsetDateTime t) {
        return t == null ? "" : WHEN.format(t.atZoneSameInstant(CareFeature.ZONE));
    }

    /** Kilometres to one decimal place, as a coordinator reads travel. */
    public static String km(double km) {
        return String.format(Locale.UK, "%.1f", km);
    }
}
