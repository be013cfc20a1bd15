package org.commonweal.platform.care;

import org.commonweal.matching.Dbs;
import org.commonweal.matching.Explanations;
import org.commonweal.matching.HelpRequest;
import org.commonweal.matching.Instance;
import org.commonweal.matching.Volunteer;
import org.commonweal.platform.volunteers.DbsLevel;
import org.commonweal.platform.volunteers.VolunteerProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The matching engine's {@link Instance} made from help requests and volunteers' profiles, and the engine's answers
 * turned back into requests and accounts. Skills, languages and slots go in as the words a coordinator reads, so the
 * engine's explanations are plain words; volunteers go in by name for the same reason.
 * <p>
 * Two rules are per pair, which the engine's rules are not: a volunteer who declined a request (or is away on a
 * one-off request's day) is never given it again, and a request involving a child needs the children's barred list
 * while one involving a vulnerable adult needs the adults' (the engine knows one "enhanced-barred" level). Both go in
 * as a need only the volunteers who meet it have (see {@link #ELIGIBLE}, {@link #BARRED}); explanations are worked
 * out on the pairs without those marks, each request against only the volunteers it may have.
 */
final class MatchInput {
    /** A need only volunteers who may have this request carry: the engine then never pairs the others. */
    private static final String ELIGIBLE = "\u0000eligible:";
    private static final String BARRED = "\u0000barred:";

    /** A request to match: who may not have it (declined it, away that day), and who helped before when continuity is asked. */
    record Asked(CareRequest request, Set<Long> excluded, Long previousVolunteer) {
    }

    /** A volunteer with the matches they can still take on. */
    record Offered(VolunteerProfile profile, int room) {
    }

    final Instance instance;
    private final Map<String, Long> accountOf = new HashMap<>();
    private final Map<String, CareRequest> requestOf = new HashMap<>();
    private final Map<Long, Volunteer> plainVolunteer = new HashMap<>();
    private final Map<Long, HelpRequest> plainRequest = new HashMap<>();
    private final Map<Long, Asked> asked = new HashMap<>();
    private final List<Offered> offered;

    /**
     * @param words the words for a skill, language or slot code ({@code "skill:care"}, {@code "language:pl"}, {@code "slot:mon-am"}),
     *              the same on both sides, so matching on words is matching on codes
     */
    MatchInput(List<Asked> requests, List<Offered> volunteers, Function<String, String> words) {
        this.offered = List.copyOf(volunteers);
        Map<Long, String> names = uniqueNames(volunteers);
        List<Volunteer> vs = new ArrayList<>();
        for (Offered o : volunteers) {
            VolunteerProfile p = o.profile();
            Volunteer plain = new Volunteer(names.get(p.accountId()), mapped(p.skills(), "skill:", words), mapped(p.languages(), "language:", words),
                    dbs(p.dbs()), p.lat(), p.lon(), p.radiusKm(), mapped(p.slots(), "slot:", words), Math.max(o.room(), 0), gender(p.gender()));
            plainVolunteer.put(p.accountId(), plain);
            accountOf.put(plain.id(), p.accountId());
            Set<String> marks = new HashSet<>(plain.skills());
            for (Asked a : requests) if (!a.excluded().contains(p.accountId())) marks.add(ELIGIBLE + a.request().id());
            if (p.dbs() == DbsLevel.ENHANCED_ADULTS || p.dbs() == DbsLevel.ENHANCED_BOTH) marks.add(BARRED + "vulnerable_adult");
            if (p.dbs() == DbsLevel.ENHANCED_CHILDREN || p.dbs() == DbsLevel.ENHANCED_BOTH) marks.add(BARRED + "child");
            vs.add(new Volunteer(plain.id(), marks, plain.languages(), plain.dbs(), plain.lat(), plain.lon(), plain.radiusKm(), plain.slots(),
                    plain.capacity(), plain.gender()));
        }
        List<HelpRequest> rs = new ArrayList<>();
        for (Asked a : requests) {
            CareRequest r = a.request();
            String id = String.valueOf(r.id());
            HelpRequest plain = new HelpRequest(id, mapped(r.skills(), "skill:", words), mapped(r.languages(), "language:", words),
                    "none".equals(r.safeguarding()) ? Dbs.NONE : Dbs.ENHANCED_BARRED, r.lat(), r.lon(), mapped(slots(r), "slot:", words),
                    r.genderPreference(), a.previousVolunteer() == null ? null : names.get(a.previousVolunteer()));
            plainRequest.put(r.id(), plain);
            requestOf.put(id, r);
            asked.put(r.id(), a);
            Set<String> needs = new HashSet<>(plain.needs());
            needs.add(ELIGIBLE + r.id());
            if (!"none".equals(r.safeguarding())) needs.add(BARRED + r.safeguarding());
            rs.add(new HelpRequest(id, needs, plain.languages(), plain.dbs(), plain.lat(), plain.lon(), plain.slots(), plain.genderPreference(),
                    plain.previousVolunteer()));
        }
        this.instance = new Instance(vs, rs);
    }

    /** A one-off request's day, all of it; a weekly request's slots. */
    static List<String> slots(CareRequest r) {
        if (!r.recurring()) {
            String day = org.commonweal.platform.volunteers.Slots.DAYS.get(r.oneOffOn().getDayOfWeek().getValue() - 1);
            return List.of(day + "-am", day + "-pm", day + "-eve");
        }
        return r.slots();
    }

    long account(String volunteerId) {
        return accountOf.get(volunteerId);
    }

    CareRequest request(String requestId) {
        return requestOf.get(requestId);
    }

    /** Why this volunteer suits this request, in the engine's words. */
    List<String> whyMatched(long account, long requestId) {
        return Explanations.whyMatched(plainVolunteer.get(account), plainRequest.get(requestId));
    }

    /**
     * Why a request got nobody, in the engine's words, narrowing down only the volunteers it may have, each with the
     * DBS level that counts for it (an adults' barred list is no barred list for a child).
     */
    List<String> whyNot(long requestId) {
        Asked a = asked.get(requestId);
        List<Volunteer> mayHave = new ArrayList<>();
        for (Offered o : offered) {
            if (a.excluded().contains(o.profile().accountId())) continue;
            Volunteer v = plainVolunteer.get(o.profile().accountId());
            boolean barredCounts = covers(o.profile().dbs(), a.request().safeguarding());
            mayHave.add(barredCounts ? v : new Volunteer(v.id(), v.skills(), v.languages(), v.dbs() == Dbs.ENHANCED_BARRED ? Dbs.ENHANCED : v.dbs(),
                    v.lat(), v.lon(), v.radiusKm(), v.slots(), v.capacity(), v.gender()));
        }
        return Explanations.whyNot(new Instance(mayHave, List.of(plainRequest.get(requestId))), plainRequest.get(requestId));
    }

    /** Whether a volunteer's DBS level has the barred list a request's safeguarding asks for. */
    static boolean covers(DbsLevel level, String safeguarding) {
        return switch (safeguarding) {
            case "vulnerable_adult" -> level == DbsLevel.ENHANCED_ADULTS || level == DbsLevel.ENHANCED_BOTH;
            case "child" -> level == DbsLevel.ENHANCED_CHILDREN || level == DbsLevel.ENHANCED_BOTH;
            default -> true;
        };
    }

    private static Dbs dbs(DbsLevel level) {
        return Dbs.of(level.matchingCode()).orElseThrow();
    }

    /** A volunteer's own words for their gender, read as the request form's choices where they say the same. */
    static String gender(String described) {
        if (described == null || described.isBlank()) return null;
        String g = described.strip().toLowerCase(Locale.ROOT);
        return switch (g) {
            case "female", "f", "woman", "women" -> "woman";
            case "male", "m", "man", "men" -> "man";
            default -> g;
        };
    }

    private static Set<String> mapped(List<String> codes, String prefix, Function<String, String> words) {
        Set<String> out = new HashSet<>();
        for (String c : codes) out.add(words.apply(prefix + c));
        return out;
    }

    /** Each volunteer's name, with a number after it when two share one, so the engine's ids and its explanations read as names. */
    private static Map<Long, String> uniqueNames(List<Offered> volunteers) {
        Map<Long, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Offered o : volunteers) {
            String name = o.profile().displayName();
            for (int n = 2; !taken.add(name); n++) name = o.profile().displayName() + " (" + n + ")";
            out.put(o.profile().accountId(), name);
        }
        return out;
    }
}
