package org.commonweal.matching;

import java.util.Collections;
import java.util.Locale;

/**
 * The hard rules a volunteer must meet to be matched to a request, in the order an explanation narrows the candidates
 * down: first who is near enough, then who can do the task, and so on. None of them is a score: a pair that breaks one
 * is never matched, however few volunteers there are.
 */
public enum Constraint {
    DISTANCE, SKILLS, DBS, LANGUAGE, SLOTS, GENDER;

    public boolean holds(Volunteer v, HelpRequest r) {
        return switch (this) {
            case DISTANCE -> Distance.km(v.lat(), v.lon(), r.lat(), r.lon()) <= v.radiusKm();
            case SKILLS -> v.skills().containsAll(r.needs());
            case DBS -> v.dbs().covers(r.dbs());
            case LANGUAGE -> !Collections.disjoint(v.languages(), r.languages());
            case SLOTS -> !Collections.disjoint(v.slots(), r.slots());
            case GENDER -> r.genderPreference() == null
                    || (v.gender() != null && v.gender().toLowerCase(Locale.ROOT).equals(r.genderPreference().toLowerCase(Locale.ROOT)));
        };
    }

    /** Every rule at once, the distance last because it is the dearest to work out. */
    public static boolean allHold(Volunteer v, HelpRequest r) {
        return SKILLS.holds(v, r) && DBS.holds(v, r) && LANGUAGE.holds(v, r) && SLOTS.holds(v, r) && GENDER.holds(v, r) && DISTANCE.holds(v, r);
    }
}
