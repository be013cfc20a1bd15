package org.commonweal.platform.opportunities;

import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a coordinator types for an opportunity, validated: errors go on the form's fields, and only a form without errors
 * gives details. Places, themes and skills come as several values (checkboxes); roles are typed one per line.
 */
record OpportunityDetails(String title, String description, List<Long> placeIds, List<String> themes, List<String> roles,
                          List<String> skills, String minDbs, Integer minAge, String schedule) {
    static final String[] FIELDS = {"title", "description", "places", "themes", "roles", "skills", "minDbs", "minAge", "schedule"};
    static final String[] SEVERAL = {"places", "themes", "skills"};
    static final List<String> THEMES = Proposal.THEMES;
    static final int MAX_ROLES = 10;

    static Optional<OpportunityDetails> read(Form form, PlaceService places) {
        String title = form.requireText("title", 200, "opportunities.error.title.required", "opportunities.error.title.tooLong");
        String description = form.requireText("description", 5000, "opportunities.error.description.required", "opportunities.error.description.tooLong");
        List<Long> placeIds = new ArrayList<>();
        for (String p : several(form.value("places"))) {
            Optional<Long> id = parseId(p).filter(x -> places.find(x).isPresent());
            if (id.isEmpty()) form.error("places", "opportunities.error.places");
            else if (!placeIds.contains(id.get())) placeIds.add(id.get());
        }
        if (placeIds.isEmpty()) form.error("places", "opportunities.error.places");
        List<String> themes = several(form.value("themes")).stream().distinct().toList();
        if (!THEMES.containsAll(themes)) form.error("themes", "opportunities.error.themes");
        List<String> roles = new ArrayList<>();
        for (String r : form.value("roles").split("\\R")) if (!r.isBlank() && !roles.contains(r.strip())) roles.add(r.strip());
        if (roles.isEmpty()) form.error("roles", "opportunities.error.roles.required");
        else if (roles.size() > MAX_ROLES || roles.stream().anyMatch(r -> r.length() > 100)) form.error("roles", "opportunities.error.roles.tooMany");
        List<String> skills = several(form.value("skills")).stream().distinct().toList();
        if (!Skills.unknown(skills).isEmpty()) form.error("skills", "opportunities.error.skills");
        String minDbs = form.value("minDbs").isBlank() ? "none" : form.value("minDbs");
        if (!Opportunity.DBS_LEVELS.contains(minDbs)) form.error("minDbs", "opportunities.error.minDbs");
        Integer minAge = null;
        if (!form.value("minAge").isBlank()) {
            minAge = Opportunity.MIN_AGES.stream().filter(a -> String.valueOf(a).equals(form.value("minAge"))).findFirst().orElse(null);
            if (minAge == null) form.error("minAge", "opportunities.error.minAge");
        }
        String schedule = form.value("schedule");
        if (!Opportunity.SCHEDULES.contains(schedule)) form.error("schedule", "opportunities.error.schedule");
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(new OpportunityDetails(title, description, placeIds, themes, roles, skills, minDbs, minAge, schedule));
    }

    /** The form filled in from an opportunity, for editing it. */
    static Form of(Opportunity o) {
        return Form.empty().set("title", o.title()).set("description", o.description())
                .set("places", String.join(",", o.placeIds().stream().map(String::valueOf).toList())).set("themes", String.join(",", o.themes()))
                .set("roles", String.join("\n", o.roles())).set("skills", String.join(",", o.skills())).set("minDbs", o.minDbs())
                .set("minAge", o.minAge() == null ? "" : o.minAge().toString()).set("schedule", o.schedule());
    }

    /** Several values of one field, as checkboxes post them (joined with commas by the route). */
    static List<String> several(String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split(",")) if (!v.isBlank()) out.add(v.strip());
        return out;
    }

    static Optional<Long> parseId(String value) {
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
