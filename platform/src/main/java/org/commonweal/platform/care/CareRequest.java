package org.commonweal.platform.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A help request as pages and the matcher see it: everything but the care needs, which stay sealed until someone
 * allowed to read them asks ({@link CareRequests#needs}).
 *
 * @param personId      the person helped, when they have an account
 * @param askerId       who asked (the person themselves, or someone acting for them); null once that account is deleted
 * @param oneOffOn      the day of a one-off request; null for a weekly one, which has {@code slots}
 * @param hasNeeds      whether care needs were recorded (sealed)
 */
public record CareRequest(long id, Long personId, String personName, Long askerId, String askerName, String relationship, String consent,
                          LocalDate consentGivenOn, OffsetDateTime consentConfirmedAt, String kind, List<String> skills, LocalDate oneOffOn,
                          List<String> slots, long placeId, String placeName, double lat, double lon, List<String> languages,
                          String genderPreference, boolean continuity, String safeguarding, boolean hasNeeds, String status,
                          OffsetDateTime createdAt) {
    public static final List<String> KINDS = List.of("befriending", "shopping", "transport", "gardening", "digital", "forms", "meals", "other");
    /** Who may ask for someone else; "self" is the person's own request. */
    public static final List<String> RELATIONSHIPS = List.of("care_coordinator", "social_prescriber", "family", "friend", "other");
    /** How consent given to someone asking for another person is recorded: in the person's own account, or noted by the asker. */
    public static final List<String> CONSENTS = List.of("in_account", "in_person", "by_phone");
    public static final List<String> SAFEGUARDING = List.of("none", "vulnerable_adult", "child");
    public static final List<String> GENDERS = List.of("woman", "man");

    public CareRequest {
        skills = List.copyOf(skills);
        slots = List.copyOf(slots);
        languages = List.copyOf(languages);
    }

    public boolean recurring() {
        return oneOffOn == null;
    }

    public boolean forSelf() {
        return "self".equals(consent);
    }

    public String url() {
        return url(id);
    }

    public static String url(long id) {
        return "/care/requests/" + id;
    }

    /** The subject audit entries about this request name. */
    static String auditSubject(long id) {
        return "care_request:" + id;
    }
}
