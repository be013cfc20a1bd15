package org.commonweal.platform.opportunities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open opportunities in the UK Volunteering Data standard's JSON-LD (organisation → activity), with the field names and
 * value types of the standard's examples ({@code activity.json}, {@code organisation.json}): every value is a string or
 * a list of objects, so the flags are "true"/"false" and a coordinate the platform does not know (places have none) is
 * "". Ids are the pages' addresses; an activity names its organisation by the organisation's id. Only what the pages show
 * publicly goes out: never a volunteer, and no email or phone (groups' contact text is free text, not published here).
 */
final class VolunteeringData {
    static final String CONTEXT = "https://api.volunteeringdata.io/context/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Opportunities opportunities;
    private final Groups groups;
    private final PlaceService places;
    private final Messages messages;
    private final String baseUrl;

    VolunteeringData(Opportunities opportunities, Groups groups, PlaceService places, Messages messages, String baseUrl) {
        this.opportunities = opportunities;
        this.groups = groups;
        this.places = places;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Every open opportunity as an Activity, with its upcoming sessions. */
    String activities() {
        ObjectNode root = document();
        ArrayNode graph = root.putArray("@graph");
        for (Opportunity o : opportunities.allOpen()) {
            ObjectNode a = graph.addObject();
            a.put("id", baseUrl + o.url());
            a.put("type", "Activity");
            a.put("label", o.title());
            a.put("description", o.description());
            a.put("organisation", organisationId(o.groupId()));
            a.put("allowsRemoteParticipation", "false");
            a.put("requiresEmergencyParticipation", "false");
            a.put("applyLink", baseUrl + o.url());
            a.put("email", "");
            a.put("phone", "");
            ArrayNode sessions = a.putArray("session");
            for (Shift s : opportunities.shifts(o.id(), false)) {
                ObjectNode session = sessions.addObject();
                session.put("applyLink", baseUrl + o.url() + "#sessions");
                session.put("email", "");
                session.put("phone", "");
                location(session.putArray("location").addObject(), s.placeName(), "physical", s.venue() == null ? "" : s.venue());
                ObjectNode time = session.putArray("time").addObject();
                time.put("beginning", s.startsAt().toString());
                time.put("end", s.endsAt().toString());
            }
            a.putArray("accessibility");
            concepts(a.putArray("cause"), o.themes(), "budgets.theme.", "/volunteering?theme=");
            a.putArray("demography");
            a.putArray("language");
            ArrayNode requirements = a.putArray("requirement");
            if (!o.minDbs().equals("none")) concept(requirements, baseUrl + "/volunteering#dbs-" + o.minDbs(), messages.get("opportunities.dbs." + o.minDbs()));
            if (o.minAge() != null) concept(requirements, baseUrl + "/volunteering#min-age-" + o.minAge(), messages.get("opportunities.minAge." + o.minAge()));
            a.putArray("reward");
            concepts(a.putArray("skill"), o.skills(), "skills.", "/volunteering?skill=");
        }
        return write(root);
    }

    /** Every group with an open opportunity, as an Organisation. */
    String organisations() {
        ObjectNode root = document();
        ArrayNode graph = root.putArray("@graph");
        Map<Long, Boolean> seen = new LinkedHashMap<>();
        for (Opportunity o : opportunities.allOpen()) seen.putIfAbsent(o.groupId(), true);
        for (long id : seen.keySet()) {
            Optional<Group> found = groups.find(id);
            if (found.isEmpty()) continue;
            Group g = found.get();
            ObjectNode org = graph.addObject();
            org.put("id", organisationId(id));
            org.put("type", "Organisation");
            org.put("label", g.name());
            org.put("description", g.description());
            org.put("purpose", messages.get("groups.kind." + g.kind()));
            org.put("applyLink", baseUrl + "/volunteering");
            org.put("email", "");
            org.put("phone", "");
            org.put("website", g.website() == null ? "" : g.website());
            concepts(org.putArray("cause"), g.themes(), "budgets.theme.", "/volunteering?theme=");
            ArrayNode locations = org.putArray("location");
            for (long placeId : g.placeIds()) places.find(placeId).map(Place::name).ifPresent(n -> location(locations.addObject(), n, "area", ""));
        }
        return write(root);
    }

    /** The open opportunities as a table of the open-data page; its description points to the standard's JSON. */
    OpenDataset dataset() {
        return new OpenDataset("volunteering-opportunities", "opportunities.openData.title", "opportunities.openData.description",
                List.of("id", "title", "group_id", "group", "roles", "themes", "skills", "minimum_dbs", "minimum_age", "schedule", "places",
                        "upcoming_sessions", "url"),
                sink -> opportunities.allOpen().forEach(o -> sink.accept(java.util.Arrays.asList(o.id(), o.title(), o.groupId(), o.groupName(),
                        String.join("; ", o.roles()), String.join("; ", o.themes()), String.join("; ", o.skills()), o.minDbs(), o.minAge(),
                        o.schedule(), String.join("; ", o.placeIds().stream().map(places::find).flatMap(Optional::stream).map(Place::name).toList()),
                        opportunities.shifts(o.id(), false).size(), baseUrl + o.url()))));
    }

    private String organisationId(long groupId) {
        return baseUrl + "/groups/" + groupId;
    }

    private static ObjectNode document() {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", CONTEXT);
        return root;
    }

    private static void location(ObjectNode l, String label, String type, String address) {
        l.put("locationLabel", label);
        l.put("locationType", type);
        l.put("address", address);
        l.put("latitude", "");
        l.put("longitude", "");
    }

    private void concepts(ArrayNode out, List<String> codes, String labelPrefix, String idPrefix) {
        for (String c : codes) concept(out, baseUrl + idPrefix + c, messages.get(labelPrefix + c));
    }

    private static void concept(ArrayNode out, String id, String label) {
        ObjectNode c = out.addObject();
        c.put("id", id);
        c.put("label", label);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
