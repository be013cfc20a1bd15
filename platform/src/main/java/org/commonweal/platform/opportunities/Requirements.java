package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.volunteers.VolunteerProfile;
import org.commonweal.platform.volunteers.VolunteerService;

import java.util.List;
import java.util.Optional;

/**
 * Whether a volunteer meets an opportunity's requirements, asked of the volunteers service (their profile's skills and
 * the highest DBS level a safeguarding lead verified, still valid): the first unmet requirement, in words, or nothing.
 * Age is the volunteer's own word: the platform keeps no dates of birth.
 */
final class Requirements {
    private final VolunteerService volunteers;
    private final Messages messages;

    Requirements(VolunteerService volunteers, Messages messages) {
        this.volunteers = volunteers;
        this.messages = messages;
    }

    Optional<SignUps.Outcome> unmet(Opportunity o, long accountId, boolean ageConfirmed) {
        if (o.minAge() != null && !ageConfirmed) return Optional.of(new SignUps.Outcome("unmet", "opportunities.unmet.age", o.minAge()));
        boolean asksProfile = !o.minDbs().equals("none") || !o.skills().isEmpty();
        if (!asksProfile) return Optional.empty();
        Optional<VolunteerProfile> profile = volunteers.ofAccount(accountId);
        if (profile.isEmpty()) return Optional.of(new SignUps.Outcome("unmet", "opportunities.unmet.profile"));
        String level = profile.get().dbs().matchingCode();
        if (!o.dbsMetBy(level)) {
            return Optional.of(new SignUps.Outcome("unmet", "opportunities.unmet.dbs", messages.get("opportunities.dbs." + o.minDbs()),
                    messages.get("opportunities.dbs." + level)));
        }
        List<String> missing = o.skills().stream().filter(s -> !profile.get().skills().contains(s)).map(s -> messages.get("skills." + s)).toList();
        if (!missing.isEmpty()) return Optional.of(new SignUps.Outcome("unmet", "opportunities.unmet.skills", String.join(", ", missing)));
        return Optional.empty();
    }
}
