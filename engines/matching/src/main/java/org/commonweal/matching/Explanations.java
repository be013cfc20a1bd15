package org.commonweal.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a request got its volunteer, or why it got none, in words a coordinator can act on. For an unmatched request the
 * volunteers are narrowed down one rule at a time, in {@link Constraint}'s order, until none is left ("4 volunteers
 * within range", "2 of them can do shopping", "none of those has an enhanced DBS check"); if some meet every rule, they
 * were all needed for other requests.
 */
public final class Explanations {
    private Explanations() {
    }

    public static List<String> whyMatched(Volunteer v, HelpRequest r) {
        List<String> facts = new ArrayList<>();
        double km = Distance.km(v.lat(), v.lon(), r.lat(), r.lon());
        if (v.id().equals(r.previousVolunteer())) facts.add("helped this person before (continuity), so no travel is counted");
        facts.add(String.format(Locale.UK, "%.1f km away, within the %s km they will travel", km, number(v.radiusKm())));
        if (!r.needs().isEmpty()) facts.add("can do " + and(r.needs()));
        if (r.dbs() != Dbs.NONE) facts.add("has " + v.dbs().inWords() + (v.dbs() == r.dbs() ? ", as asked" : " (" + r.dbs().code() + " asked)"));
        facts.add("speaks " + and(common(v.languages(), r.languages())));
        facts.add("is free " + and(common(v.slots(), r.slots())));
        if (r.genderPreference() != null) facts.add("is " + r.genderPreference() + ", as the person asked");
        return facts;
    }

    public static List<String> whyNot(Instance instance, HelpRequest r) {
        List<String> reasons = new ArrayList<>();
        List<Volunteer> left = new ArrayList<>();
        for (Volunteer v : instance.volunteers()) if (Constraint.DISTANCE.holds(v, r)) left.add(v);
        if (instance.volunteers().isEmpty()) return List.of("there are no volunteers");
        if (left.isEmpty()) {
            Volunteer nearest = null;
            double best = Double.MAX_VALUE;
            for (Volunteer v : instance.volunteers()) {
                double km = Distance.km(v.lat(), v.lon(), r.lat(), r.lon());
                if (km < best) {
                    best = km;
                    nearest = v;
                }
            }
            return List.of(String.format(Locale.UK, "no volunteer is within range: the nearest, %s, is %.1f km away and travels up to %s km",
                    nearest.id(), best, number(nearest.radiusKm())));
        }
        reasons.add(count(left.size(), "volunteer") + " within range");
        for (Constraint c : List.of(Constraint.SKILLS, Constraint.DBS, Constraint.LANGUAGE, Constraint.SLOTS, Constraint.GENDER)) {
            if (trivial(c, r)) continue;
            List<Volunteer> kept = left.stream().filter(v -> c.holds(v, r)).toList();
            String of = reasons.size() == 1 ? " of them " : " of those ";
            if (kept.isEmpty()) {
                reasons.add("none" + of + what(c, r, false));
                return reasons;
            }
            reasons.add(kept.size() + of + what(c, r, kept.size() > 1));
            left = kept;
        }
        reasons.add(left.size() == 1 ? "that volunteer is needed for other requests, up to the number they take on"
                : "all " + left.size() + " are needed for other requests, up to the number each takes on");
        return reasons;
    }

    /** A rule the request asks nothing of is left out of the explanation. */
    private static boolean trivial(Constraint c, HelpRequest r) {
        return switch (c) {
            case SKILLS -> r.needs().isEmpty();
            case DBS -> r.dbs() == Dbs.NONE;
            case GENDER -> r.genderPreference() == null;
            default -> false;
        };
    }

    /** The rule as a verb phrase: "can do shopping", "has (have) an enhanced DBS check or higher", ... */
    private static String what(Constraint c, HelpRequest r, boolean plural) {
        String be = plural ? "are" : "is";
        return switch (c) {
            case SKILLS -> "can do " + and(r.needs());
            case DBS -> (plural ? "have " : "has ") + r.dbs().inWords() + (r.dbs() == Dbs.ENHANCED_BARRED ? "" : " or higher");
            case LANGUAGE -> r.languages().isEmpty() ? "can be matched on language: the request names none"
                    : (plural ? "speak " : "speaks ") + or(r.languages());
            case SLOTS -> r.slots().isEmpty() ? "can be matched on time: the request names none" : be + " free " + or(r.slots());
            case GENDER -> be + " " + r.genderPreference() + ", as the person asked";
            case DISTANCE -> be + " within range";
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Set<String> common(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static String and(Collection<String> items) {
        return join(items, "and");
    }

    private static String or(Collection<String> items) {
        return join(items, "or");
    }

    private static String join(Collection<String> items, String last) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(items));
        if (sorted.size() <= 1) return String.join("", sorted);
        return String.join(", ", sorted.subList(0, sorted.size() - 1)) + " " + last + " " + sorted.getLast();
    }

    private static String number(double km) {
        return km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km);
    }
}
