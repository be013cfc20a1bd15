package org.commonweal.matching.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.matching.Dbs;
import org.commonweal.matching.HelpRequest;
import org.commonweal.matching.Instance;
import org.commonweal.matching.Volunteer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the matcher's JSON input (the {@code commonweal match} contract in docs/cli.md). Every field is checked and a
 * mistake is reported with its JSON path; an unknown field is refused rather than ignored, because a misspelt
 * {@code "capacty"} silently dropped would change who gets help.
 */
public final class InstanceReader {
    private static final Set<String> ROOT = Set.of("volunteers", "requests");
    private static final Set<String> VOLUNTEER = Set.of("id", "skills", "languages", "dbs", "lat", "lon", "radiusKm", "slots", "capacity", "gender");
    private static final Set<String> REQUEST = Set.of("id", "needs", "languages", "dbs", "lat", "lon", "slots", "genderPreference", "previousVolunteer");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InstanceReader() {
    }

    public static Instance read(InputStream in) throws MatchingInputException, IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MatchingInputException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new MatchingInputException("$: expected an object with \"volunteers\" and \"requests\"");
        known(root, "$", ROOT);
        List<Volunteer> volunteers = new ArrayList<>();
        Set<String> volunteerIds = new HashSet<>();
        JsonNode vs = array(root, "$", "volunteers");
        for (int i = 0; i < vs.size(); i++) {
            Volunteer v = volunteer(vs.get(i), "$.volunteers[" + i + "]");
            if (!volunteerIds.add(v.id())) throw new MatchingInputException("$.volunteers[" + i + "].id: '" + v.id() + "' is already the id of another volunteer");
            volunteers.add(v);
        }
        List<HelpRequest> requests = new ArrayList<>();
        Set<String> requestIds = new HashSet<>();
        JsonNode rs = array(root, "$", "requests");
        for (int i = 0; i < rs.size(); i++) {
            String path = "$.requests[" + i + "]";
            HelpRequest r = request(rs.get(i), path);
            if (!requestIds.add(r.id())) throw new MatchingInputException(path + ".id: '" + r.id() + "' is already the id of another request");
            if (r.previousVolunteer() != null && !volunteerIds.contains(r.previousVolunteer())) {
                throw new MatchingInputException(path + ".previousVolunteer: no volunteer has the id '" + r.previousVolunteer() + "'");
            }
            requests.add(r);
        }
        return new Instance(volunteers, requests);
    }

    private static Volunteer volunteer(JsonNode n, String path) throws MatchingInputException {
        if (!n.isObject()) throw new MatchingInputException(path + ": expected an object");
        known(n, path, VOLUNTEER);
        int capacity = (int) whole(n, path, "capacity", 0, 10_000);
        return new Volunteer(id(n, path), strings(n, path, "skills"), strings(n, path, "languages"), dbs(n, path),
                number(n, path, "lat", -90, 90), number(n, path, "lon", -180, 180), number(n, path, "radiusKm", 0, 20_000),
                strings(n, path, "slots"), capacity, optionalText(n, path, "gender"));
    }

    private static HelpRequest request(JsonNode n, String path) throws MatchingInputException {
        if (!n.isObject()) throw new MatchingInputException(path + ": expected an object");
        known(n, path, REQUEST);
        return new HelpRequest(id(n, path), strings(n, path, "needs"), strings(n, path, "languages"), dbs(n, path),
                number(n, path, "lat", -90, 90), number(n, path, "lon", -180, 180), strings(n, path, "slots"),
                optionalText(n, path, "genderPreference"), optionalText(n, path, "previousVolunteer"));
    }

    private static void known(JsonNode n, String path, Set<String> fields) throws MatchingInputException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) throw new MatchingInputException(path + "." + f + ": unknown field (expected " + String.join(", ", new java.util.TreeSet<>(fields)) + ")");
        }
    }

    private static JsonNode array(JsonNode n, String path, String field) throws MatchingInputException {
        JsonNode a = n.get(field);
        if (a == null) throw new MatchingInputException(path + "." + field + ": missing (expected an array)");
        if (!a.isArray()) throw new MatchingInputException(path + "." + field + ": expected an array");
        return a;
    }

    private static String id(JsonNode n, String path) throws MatchingInputException {
        JsonNode id = n.get("id");
        if (id == null || id.isNull()) throw new MatchingInputException(path + ".id: missing");
        if (!id.isTextual() && !id.isIntegralNumber()) throw new MatchingInputException(path + ".id: expected text or a whole number");
        String text = id.asText().strip();
        if (text.isEmpty()) throw new MatchingInputException(path + ".id: must not be empty");
        return text;
    }

    private static Dbs dbs(JsonNode n, String path) throws MatchingInputException {
        JsonNode d = n.get("dbs");
        if (d == null || d.isNull()) return Dbs.NONE;
        if (!d.isTextual()) throw new MatchingInputException(path + ".dbs: expected one of " + Dbs.codes());
        return Dbs.of(d.asText()).orElseThrow(() -> new MatchingInputException(path + ".dbs: '" + d.asText() + "' is not a DBS level (expected one of " + Dbs.codes() + ")"));
    }

    private static Set<String> strings(JsonNode n, String path, String field) throws MatchingInputException {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) return Set.of();
        if (!a.isArray()) throw new MatchingInputException(path + "." + field + ": expected an array of text");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode s = a.get(i);
            if (!s.isTextual() || s.asText().isBlank()) throw new MatchingInputException(path + "." + field + "[" + i + "]: expected non-empty text");
            out.add(s.asText().strip());
        }
        return out;
    }

    private static double number(JsonNode n, String path, String field, double min, double max) throws MatchingInputException {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) throw new MatchingInputException(path + "." + field + ": missing (expected a number from " + fmt(min) + " to " + fmt(max) + ")");
        if (!x.isNumber()) throw new MatchingInputException(path + "." + field + ": expected a number, got " + x);
        double v = x.asDouble();
        if (!(v >= min && v <= max)) throw new MatchingInputException(path + "." + field + ": " + x + " is out of range (expected " + fmt(min) + " to " + fmt(max) + ")");
        return v;
    }

    private static long whole(JsonNode n, String path, String field, long min, long max) throws MatchingInputException {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) throw new MatchingInputException(path + "." + field + ": missing (expected a whole number from " + min + " to " + max + ")");
        if (!x.isIntegralNumber() || !x.canConvertToLong()) throw new MatchingInputException(path + "." + field + ": expected a whole number, got " + x);
        long v = x.asLong();
        if (v < min) throw new MatchingInputException(path + "." + field + ": must not be negative (got " + v + ")");
        if (v > max) throw new MatchingInputException(path + "." + field + ": must be at most " + max + " (got " + v + ")");
        return v;
    }

    private static String optionalText(JsonNode n, String path, String field) throws MatchingInputException {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) return null;
        if (!x.isTextual() && !x.isIntegralNumber()) throw new MatchingInputException(path + "." + field + ": expected text or null");
        String text = x.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
