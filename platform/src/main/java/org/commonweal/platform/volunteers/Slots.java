package org.commonweal.platform.volunteers;

import java.util.ArrayList;
import java.util.List;

/**
 * The one vocabulary of weekly availability: a day and a part of it, as {@code mon-am}, {@code mon-pm}, {@code mon-eve}
 * (morning, afternoon, evening). Help requests and shifts use the same codes, so a slot matches a slot.
 */
public final class Slots {
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    public static final List<String> PARTS = List.of("am", "pm", "eve");
    public static final List<String> ALL = all();

    private Slots() {
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>();
        for (String d : DAYS) for (String p : PARTS) out.add(d + "-" + p);
        return List.copyOf(out);
    }

    /** The slot's day code (mon..sun) and part code (am, pm, eve), whose words are messages {@code volunteers.day.*} and {@code volunteers.part.*}. */
    static String day(String slot) {
        return slot.substring(0, slot.indexOf('-'));
    }

    static String part(String slot) {
        return slot.substring(slot.indexOf('-') + 1);
    }
}
