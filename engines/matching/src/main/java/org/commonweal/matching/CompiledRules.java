package org.commonweal.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hard rules of {@link Constraint} compiled for speed: each skill, language and time slot named in the instance
 * gets a bit, so "has every skill needed" and "shares a slot" are a few machine words compared, not set lookups.
 * Checked against {@link Constraint#allHold} pair by pair in the tests.
 */
final class CompiledRules {
    private final long[][] volunteerSkills, volunteerLanguages, volunteerSlots, requestNeeds, requestLanguages, requestSlots;
    private final int[] volunteerDbs, requestDbs;
    private final String[] volunteerGender, requestGender;

    CompiledRules(Instance instance) {
        List<Volunteer> vs = instance.volunteers();
        List<HelpRequest> rs = instance.requests();
        Map<String, Integer> skills = new HashMap<>(), languages = new HashMap<>(), slots = new HashMap<>();
        volunteerSkills = new long[vs.size()][];
        volunteerLanguages = new long[vs.size()][];
        volunteerSlots = new long[vs.size()][];
        volunteerDbs = new int[vs.size()];
        volunteerGender = new String[vs.size()];
        requestNeeds = new long[rs.size()][];
        requestLanguages = new long[rs.size()][];
        requestSlots = new long[rs.size()][];
        requestDbs = new int[rs.size()];
        requestGender = new String[rs.size()];
        for (HelpRequest r : rs) {
            index(skills, r.needs());
            index(languages, r.languages());
            index(slots, r.slots());
        }
        for (int i = 0; i < vs.size(); i++) {
            Volunteer v = vs.get(i);
            volunteerSkills[i] = bits(skills, v.skills());
            volunteerLanguages[i] = bits(languages, v.languages());
            volunteerSlots[i] = bits(slots, v.slots());
            volunteerDbs[i] = v.dbs().ordinal();
            volunteerGender[i] = v.gender() == null ? null : v.gender().toLowerCase(Locale.ROOT);
        }
        for (int j = 0; j < rs.size(); j++) {
            HelpRequest r = rs.get(j);
            requestNeeds[j] = bits(skills, r.needs());
            requestLanguages[j] = bits(languages, r.languages());
            requestSlots[j] = bits(slots, r.slots());
            requestDbs[j] = r.dbs().ordinal();
            requestGender[j] = r.genderPreference() == null ? null : r.genderPreference().toLowerCase(Locale.ROOT);
        }
    }

    /** Every rule but distance, which the caller works out last because it is the dearest. */
    boolean allButDistance(int v, int r) {
        return volunteerDbs[v] >= requestDbs[r]
                && containsAll(volunteerSkills[v], requestNeeds[r])
                && intersects(volunteerLanguages[v], requestLanguages[r])
                && intersects(volunteerSlots[v], requestSlots[r])
                && (requestGender[r] == null || requestGender[r].equals(volunteerGender[v]));
    }

    /** Only what requests name gets a bit: a volunteer's other skills can never make a difference. */
    private static void index(Map<String, Integer> names, Set<String> values) {
        for (String s : values) names.putIfAbsent(s, names.size());
    }

    private static long[] bits(Map<String, Integer> names, Set<String> values) {
        long[] words = new long[(names.size() + 63) / 64];
        for (String s : values) {
            Integer b = names.get(s);
            if (b != null) words[b >>> 6] |= 1L << (b & 63);
        }
        return words;
    }

    private static boolean containsAll(long[] have, long[] need) {
        for (int w = 0; w < need.length; w++) if ((need[w] & ~have[w]) != 0) return false;
        return true;
    }

    private static boolean intersects(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) if ((a[w] & b[w]) != 0) return true;
        return false;
    }
}
