package org.commonweal.matching;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationsTest {
    private static Volunteer volunteer(String id, double lat, Set<String> skills, Dbs dbs, Set<String> slots) {
        return new Volunteer(id, skills, Set.of("English"), dbs, lat, -2.24, 5, slots, 1, null);
    }

    private static final HelpRequest TUESDAY_CARE = new HelpRequest("r1", Set.of("befriending"), Set.of("English"), Dbs.ENHANCED,
            53.48, -2.24, Set.of("tue-am"), null, null);

    @Test
    void narrowsTheVolunteersDownRuleByRuleUntilNoneIsLeft() {
        Instance instance = new Instance(List.of(
                volunteer("a", 53.481, Set.of("befriending"), Dbs.BASIC, Set.of("tue-am")),
                volunteer("b", 53.482, Set.of("befriending"), Dbs.STANDARD, Set.of("tue-am")),
                volunteer("c", 53.483, Set.of("gardening"), Dbs.ENHANCED, Set.of("tue-am")),
                volunteer("far", 54.9, Set.of("befriending"), Dbs.ENHANCED, Set.of("tue-am"))), List.of(TUESDAY_CARE));
        assertThat(Explanations.whyNot(instance, TUESDAY_CARE)).containsExactly(
                "3 volunteers within range", "2 of them can do befriending", "none of those has an enhanced DBS check or higher");
    }

    @Test
    void saysHowFarTheNearestVolunteerIsWhenNobodyIsInRange() {
        Instance instance = new Instance(List.of(volunteer("far", 53.58, Set.of("befriending"), Dbs.ENHANCED, Set.of("tue-am"))), List.of(TUESDAY_CARE));
        assertThat(Explanations.whyNot(instance, TUESDAY_CARE)).singleElement().asString()
                .isEqualTo("no volunteer is within range: the nearest, far, is 11.1 km away and travels up to 5 km");
    }

    @Test
    void whenSomeoneMeetsEveryRuleTheyWereNeededElsewhere() {
        Volunteer a = volunteer("a", 53.481, Set.of("befriending"), Dbs.ENHANCED, Set.of("tue-am"));
        HelpRequest other = new HelpRequest("r0", Set.of("befriending"), Set.of("English"), Dbs.NONE, 53.481, -2.24, Set.of("tue-am"), null, null);
        Instance instance = new Instance(List.of(a), List.of(other, TUESDAY_CARE));
        Matching m = Matcher.optimal(instance);
        assertThat(m.unmatched()).containsExactly("r1");
        assertThat(Explanations.whyNot(instance, TUESDAY_CARE)).containsExactly(
                "1 volunteer within range", "1 of them can do befriending", "1 of those has an enhanced DBS check or higher",
                "1 of those speaks English", "1 of those is free tue-am", "that volunteer is needed for other requests, up to the number they take on");
    }

    @Test
    void aMatchSaysWhichRulesItMeets() {
        Volunteer a = volunteer("a", 53.481, Set.of("befriending", "shopping"), Dbs.ENHANCED_BARRED, Set.of("tue-am", "mon-pm"));
        assertThat(Explanations.whyMatched(a, TUESDAY_CARE)).containsExactly(
                "0.1 km away, within the 5 km they will travel", "can do befriending",
                "has an enhanced DBS check with a barred-list check (enhanced asked)", "speaks English", "is free tue-am");
    }
}
