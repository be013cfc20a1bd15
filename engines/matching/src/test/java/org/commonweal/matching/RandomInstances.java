package org.commonweal.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small random instances around Manchester, dense enough that many pairs compete and some rules bind. */
final class RandomInstances {
    private static final List<String> SKILLS = List.of("shopping", "befriending", "driving", "gardening");
    private static final List<String> LANGUAGES = List.of("English", "Welsh", "Polish", "Urdu");
    private static final List<String> SLOTS = List.of("mon-am", "mon-pm", "tue-am", "wed-pm");

    private RandomInstances() {
    }

    static Instance of(long seed, int volunteers, int requests) {
        Random rnd = new Random(seed);
        List<Volunteer> vs = new ArrayList<>();
        for (int i = 0; i < volunteers; i++) {
            vs.add(new Volunteer("v" + i, some(rnd, SKILLS, 0.6), withEnglish(some(rnd, LANGUAGES, 0.3)), Dbs.values()[rnd.nextInt(Dbs.values().length)],
                    53.48 + rnd.nextDouble() * 0.1, -2.24 + rnd.nextDouble() * 0.15, 2 + rnd.nextInt(8), some(rnd, SLOTS, 0.7),
                    rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(2), rnd.nextBoolean() ? "female" : "male"));
        }
        List<HelpRequest> rs = new ArrayList<>();
        for (int j = 0; j < requests; j++) {
            String previous = !vs.isEmpty() && rnd.nextInt(5) == 0 ? "v" + rnd.nextInt(volunteers) : null;
            rs.add(new HelpRequest("r" + j, some(rnd, SKILLS, 0.2), some(rnd, LANGUAGES, 0.4), Dbs.values()[rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(4)],
                    53.48 + rnd.nextDouble() * 0.1, -2.24 + rnd.nextDouble() * 0.15, some(rnd, SLOTS, 0.5),
                    rnd.nextInt(4) == 0 ? "female" : null, previous));
        }
        return new Instance(vs, rs);
    }

    private static Set<String> withEnglish(Set<String> languages) {
        languages.add("English");
        return languages;
    }

    private static Set<String> some(Random rnd, List<String> from, double p) {
        Set<String> out = new HashSet<>();
        for (String s : from) if (rnd.nextDouble() < p) out.add(s);
        if (out.isEmpty()) out.add(from.get(rnd.nextInt(from.size())));
        return out;
    }
}
