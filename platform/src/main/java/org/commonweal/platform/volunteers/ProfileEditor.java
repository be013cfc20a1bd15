package org.commonweal.platform.volunteers;

import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** A resident's own volunteer profile: made the first time they save it, changed after; one transaction each. */
final class ProfileEditor {
    static final String[] FIELDS = {"skills", "languages", "otherLanguages", "slots", "homePlace", "homePoint", "radiusKm", "transport",
            "interests", "maxHoursWeek", "capacity", "gender", "groups"};
    static final String[] SEVERAL = {"skills", "languages", "slots", "transport", "interests", "groups"};
    static final List<String> TRANSPORT = List.of("walk", "cycle", "public_transport", "car");
    static final List<String> THEMES = Proposal.THEMES;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;

    ProfileEditor(Jdbi jdbi, AuditLog audit, PlaceService places) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
    }

    /** The form filled with a saved profile, or the defaults for a first one. */
    static Form form(Optional<VolunteerProfile> saved) {
        if (saved.isEmpty()) return Form.empty().set("radiusKm", "5").set("capacity", "1").set("languages", "en");
        VolunteerProfile p = saved.get();
        List<String> common = p.languages().stream().filter(Languages.COMMON::contains).toList();
        List<String> other = p.languages().stream().filter(l -> !Languages.COMMON.contains(l)).map(Languages::name).toList();
        return Form.empty().set("skills", String.join(",", p.skills())).set("languages", String.join(",", common))
                .set("otherLanguages", String.join(", ", other)).set("slots", String.join(",", p.slots()))
                .set("homePlace", p.homePlaceId() == null ? "" : p.homePlaceId().toString())
                .set("homePoint", p.hasHomePoint() ? p.lat() + ", " + p.lon() : "").set("radiusKm", String.valueOf(p.radiusKm()))
                .set("transport", String.join(",", p.transport())).set("interests", String.join(",", p.interests()))
                .set("maxHoursWeek", p.maxHoursWeek() == null ? "" : p.maxHoursWeek().toString()).set("capacity", String.valueOf(p.capacity()))
                .set("gender", p.gender() == null ? "" : p.gender())
                .set("groups", String.join(",", p.groupIds().stream().map(String::valueOf).toList()));
    }

    /**
     * Saves the account's profile from the form, or returns false with the form's errors and stores nothing.
     * {@code allowedGroups} are the groups they may say they volunteer with: those they belong to and those they already do.
     */
    boolean save(long accountId, String displayName, Form form, Collection<Long> allowedGroups, Actor actor) {
        List<String> skills = several(form, "skills");
        if (!Skills.unknown(skills).isEmpty()) form.error("skills", "volunteers.error.skills");
        LinkedHashSet<String> languages = new LinkedHashSet<>(several(form, "languages"));
        if (!Languages.ISO_639_1.containsAll(languages)) form.error("languages", "volunteers.error.languages");
        for (String typed : several(form, "otherLanguages")) {
            Optional<String> code = Languages.code(typed);
            if (code.isPresent()) languages.add(code.get());
            else form.error("otherLanguages", "volunteers.error.language.unknown", typed);
        }
        List<String> slots = several(form, "slots");
        if (!Slots.ALL.containsAll(slots)) form.error("slots", "volunteers.error.slots");
        Long place = null;
        if (!form.value("homePlace").isBlank()) {
            place = parseLong(form.value("homePlace")).filter(id -> places.find(id).isPresent()).orElse(null);
            if (place == null) form.error("homePlace", "volunteers.error.homePlace");
        }
        double[] point = homePoint(form);
        Integer radius = number(form, "radiusKm", 0, 500, true);
        List<String> transport = several(form, "transport");
        if (!TRANSPORT.containsAll(transport)) form.error("transport", "volunteers.error.transport");
        List<String> interests = several(form, "interests");
        if (!THEMES.containsAll(interests)) form.error("interests", "volunteers.error.interests");
        Integer hours = number(form, "maxHoursWeek", 0, 168, false);
        Integer capacity = number(form, "capacity", 0, 50, true);
        String gender = form.value("gender").strip();
        form.set("gender", gender);
        if (gender.length() > 60) form.error("gender", "volunteers.error.gender");
        List<Long> groupIds = new ArrayList<>();
        for (String g : several(form, "groups")) {
            Optional<Long> id = parseLong(g).filter(allowedGroups::contains);
            if (id.isEmpty()) form.error("groups", "volunteers.error.groups");
            else groupIds.add(id.get());
        }
        if (form.hasErrors()) return false;
        Long homePlace = place;
        jdbi.useTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO volunteers (account_id, display_name, skills, languages, slots, home_place_id, home_lat, home_lon, radius_km,
                                                    transport, interests, max_hours_week, capacity, gender)
                            VALUES (:a, :name, :skills, :languages, :slots, :place, :lat, :lon, :radius, :transport, :interests, :hours, :capacity, :gender)
                            ON CONFLICT (account_id) DO UPDATE SET display_name = excluded.display_name, skills = excluded.skills,
                                languages = excluded.languages, slots = excluded.slots, home_place_id = excluded.home_place_id,
                                home_lat = excluded.home_lat, home_lon = excluded.home_lon, radius_km = excluded.radius_km,
                                transport = excluded.transport, interests = excluded.interests, max_hours_week = excluded.max_hours_week,
                                capacity = excluded.capacity, gender = excluded.gender, updated_at = now()
                            RETURNING id""")
                    .bind("a", accountId).bind("name", displayName).bind("skills", skills.toArray(String[]::new))
                    .bind("languages", languages.toArray(String[]::new)).bind("slots", Slots.ALL.stream().filter(slots::contains).toArray(String[]::new))
                    .bind("place", homePlace).bind("lat", point == null ? null : point[0]).bind("lon", point == null ? null : point[1])
                    .bind("radius", radius).bind("transport", transport.toArray(String[]::new)).bind("interests", interests.toArray(String[]::new))
                    .bind("hours", hours).bind("capacity", capacity).bind("gender", gender.isEmpty() ? null : gender).mapTo(Long.class).one();
            // Only the groups offered on the form change: a group the volunteer is linked to but was not offered stays.
            h.createUpdate("DELETE FROM volunteer_groups WHERE volunteer_id = :v AND group_id = ANY(:offered) AND NOT group_id = ANY(:chosen)")
                    .bind("v", id).bind("offered", allowedGroups.toArray(Long[]::new)).bind("chosen", groupIds.toArray(Long[]::new)).execute();
            for (long g : groupIds) {
                h.createUpdate("INSERT INTO volunteer_groups (volunteer_id, group_id) VALUES (:v, :g) ON CONFLICT DO NOTHING").bind("v", id).bind("g", g).execute();
            }
            audit.record(h, actor, "volunteer.profile_saved", "volunteer:" + id, skills.size() + " skills, " + groupIds.size() + " groups");
        });
        return true;
    }

    /** "51.5, -0.12": a latitude and longitude, or blank for none. */
    private static double[] homePoint(Form form) {
        String v = form.value("homePoint").strip();
        form.set("homePoint", v);
        if (v.isEmpty()) return null;
        String[] parts = v.split("\\s*,\\s*|\\s+");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0]), lon = Double.parseDouble(parts[1]);
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) return new double[]{lat, lon};
            }
        } catch (NumberFormatException ignored) {
            // the error below names the field
        }
        form.error("homePoint", "volunteers.error.homePoint");
        return null;
    }

    /** A whole number field between min and max; blank is null unless required. */
    static Integer number(Form form, String field, int min, int max, boolean required) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (v.isEmpty()) {
            if (required) form.error(field, "volunteers.error." + field);
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // the error below names the field
        }
        form.error(field, "volunteers.error." + field);
        return null;
    }

    static List<String> several(Form form, String field) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : form.value(field).split("[,\\n]")) if (!v.isBlank()) out.add(v.strip());
        return List.copyOf(out);
    }

    static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
