package org.commonweal.platform.care;

import org.commonweal.matching.Matcher;
import org.commonweal.matching.Matching;
import org.commonweal.platform.volunteers.DbsLevel;
import org.commonweal.platform.volunteers.VolunteerProfile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's instance made from requests and profiles: the per-pair rules hold, and the reasons read as words. */
class MatchInputTest {
    private static final double LAT = 51.4545, LON = -2.5879;
    private static final Map<String, String> WORDS = Map.of("skill:care", "care", "language:en", "English", "language:pl", "Polish",
            "slot:mon-am", "Monday morning", "slot:wed-pm", "Wednesday afternoon");

    private static String words(String code) {
        return WORDS.getOrDefault(code, code);
    }

    private static VolunteerProfile volunteer(long account, String name, double northKm, DbsLevel dbs, String gender) {
        return new VolunteerProfile(account, account, name, List.of("care"), List.of("en"), List.of("mon-am"), null, LAT + northKm / 111.2, LON,
                5, 1, gender, dbs, null, List.of(1L), List.of(), List.of(), null, null, null);
    }

    private static CareRequest request(long id, String safeguarding, String gender) {
        return new CareRequest(id, 100 + id, "Person " + id, 100 + id, "Person " + id, "self", "self", null, null, "shopping", List.of(), null,
                List.of("mon-am"), 1, "Ward", LAT, LON, List.of("en"), gender, false, safeguarding, false, "open", null);
    }

    private static Matching optimal(MatchInput input) {
        return Matcher.optimal(input.instance);
    }

    @Test
    void aChildNeedsTheChildrensBarredListAndAnAdultsOnlyCheckDoesNotCount() {
        List<MatchInput.Offered> vs = List.of(new MatchInput.Offered(volunteer(1, "Ada Adults", 0.1, DbsLevel.ENHANCED_ADULTS, null), 1),
                new MatchInput.Offered(volunteer(2, "Cal Children", 3, DbsLevel.ENHANCED_CHILDREN, null), 1));
        MatchInput child = new MatchInput(List.of(new MatchInput.Asked(request(10, "child", null), Set.of(), null)), vs, MatchInputTest::words);
        assertThat(optimal(child).matches()).singleElement().satisfies(m -> assertThat(child.account(m.volunteer())).isEqualTo(2));
        MatchInput adult = new MatchInput(List.of(new MatchInput.Asked(request(11, "vulnerable_adult", null), Set.of(), null)), vs, MatchInputTest::words);
        assertThat(optimal(adult).matches()).singleElement().satisfies(m -> assertThat(adult.account(m.volunteer())).isEqualTo(1));

        MatchInput nobody = new MatchInput(List.of(new MatchInput.Asked(request(12, "child", null), Set.of(), null)), vs.subList(0, 1), MatchInputTest::words);
        assertThat(optimal(nobody).unmatched()).containsExactly("12");
        assertThat(nobody.whyNot(12)).containsExactly("1 volunteer within range",
                "none of them has an enhanced DBS check with a barred-list check");
    }

    @Test
    void aVolunteerWhoDeclinedIsNeverGivenTheRequestAgainAndTheReasonsSaySo() {
        List<MatchInput.Offered> vs = List.of(new MatchInput.Offered(volunteer(1, "Nadia Near", 0.1, DbsLevel.NONE, null), 1),
                new MatchInput.Offered(volunteer(2, "Nico Next", 2, DbsLevel.NONE, null), 1));
        MatchInput input = new MatchInput(List.of(new MatchInput.Asked(request(10, "none", null), Set.of(1L), null)), vs, MatchInputTest::words);
        assertThat(optimal(input).matches()).singleElement().satisfies(m -> assertThat(input.account(m.volunteer())).isEqualTo(2));
        MatchInput alone = new MatchInput(List.of(new MatchInput.Asked(request(10, "none", null), Set.of(1L), null)), vs.subList(0, 1), MatchInputTest::words);
        assertThat(optimal(alone).matched()).isZero();
        assertThat(alone.whyNot(10)).containsExactly("there are no volunteers");
    }

    @Test
    void reasonsNameVolunteersSlotsAndLanguagesInWordsAndGenderIsReadFromTheVolunteersOwnWords() {
        List<MatchInput.Offered> vs = List.of(new MatchInput.Offered(volunteer(1, "Sam", 0.5, DbsLevel.NONE, "Male"), 1),
                new MatchInput.Offered(volunteer(2, "Sam", 1, DbsLevel.NONE, "female"), 1));
        MatchInput input = new MatchInput(List.of(new MatchInput.Asked(request(10, "none", "woman"), Set.of(), null)), vs, MatchInputTest::words);
        Matching m = optimal(input);
        assertThat(m.matches()).singleElement().satisfies(x -> assertThat(x.volunteer()).isEqualTo("Sam (2)"));
        assertThat(input.whyMatched(2, 10)).contains("speaks English", "is free Monday morning", "is woman, as the person asked")
                .noneMatch(r -> r.contains("mon-am") || r.contains("\u0000"));
    }

    @Test
    void aOneOffRequestAsksForEveryPartOfItsWeekday() {
        CareRequest r = request(10, "none", null);
        CareRequest oneOff = new CareRequest(r.id(), r.personId(), r.personName(), r.askerId(), r.askerName(), r.relationship(), r.consent(), null, null,
                r.kind(), r.skills(), LocalDate.of(2026, 12, 9), List.of(), r.placeId(), r.placeName(), r.lat(), r.lon(), r.languages(), null, false,
                "none", false, "open", null);
        assertThat(MatchInput.slots(oneOff)).containsExactly("wed-am", "wed-pm", "wed-eve");
    }
}
