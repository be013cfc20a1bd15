package org.commonweal.platform.conversations;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** When an analysis was made, as pages say it: UK time, to the minute. */
public final class Times {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private Times() {
    }

    public static String of(OffsetDateTime at) {
        return WHEN.format(at);
    }
}
