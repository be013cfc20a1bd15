package org.commonweal.cli.elections;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.model.AmsAssumption;
import org.commonweal.elections.model.Poll;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.SeatOverride;
import org.commonweal.elections.model.StvAssumption;
import org.commonweal.elections.model.Tactical;
import org.commonweal.elections.model.StandDown;
import org.commonweal.elections.model.StandDownRule;
import org.commonweal.elections.model.Swing;
import org.commonweal.elections.model.SwingKind;
import org.commonweal.elections.model.Transfer;
import org.commonweal.elections.model.TransferShare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the scenario JSON (format in README, "Apportionment, FPTP and the alliance modeller") into the
 * engine's {@link Scenario}. Unknown fields and wrong types are errors naming the field path, e.g.
 * {@code scenario.json: swings[1].kind: expected "uniform" or "proportional", got "linear"}.
 */
final class ScenarioJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String source;

    private ScenarioJson(String source) {
        this.source = source;
    }

    static Scenario parse(String source, String text) throws UsageException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UsageException(source + (at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage());
        }
        return new ScenarioJson(source).scenario(root);
    }

    private Scenario scenario(JsonNode root) throws UsageException {
        object(root, "scenario", Set.of("alliance", "swings", "standDowns", "transfers", "constituencySd", "ams", "nonPartyLabels",
                "polls", "tactical", "overrides", "incumbency", "regionSd", "stv"));
        List<String> alliance = strings(root.get("alliance"), "alliance");
        List<Swing> swings = list(root.get("swings"), "swings", this::swing);
        List<StandDown> standDowns = list(root.get("standDowns"), "standDowns", this::standDown);
        List<Transfer> transfers = list(root.get("transfers"), "transfers", this::transfer);
        BigDecimal sd = decimal(root.get("constituencySd"), "constituencySd", false);
        AmsAssumption ams = null;
        JsonNode a = root.get("ams");
        if (a != null) {
            object(a, "ams", Set.of("listSeats", "perConstituencies", "houseSize", "listShares"));
            int house = a.has("houseSize") ? integer(a.get("houseSize"), "ams.houseSize") : 0;
            int perConstituencies = a.has("perConstituencies") || house == 0 ? integer(a.get("perConstituencies"), "ams.perConstituencies") : 1;
            ams = new AmsAssumption(integer(a.get("listSeats"), "ams.listSeats"), perConstituencies, house, shares(a.get("listShares"), "ams.listShares"));
        }
        List<String> nonParty = root.has("nonPartyLabels") ? strings(root.get("nonPartyLabels"), "nonPartyLabels") : null;
        List<Poll> polls = list(root.get("polls"), "polls", this::poll);
        List<Tactical> tactical = list(root.get("tactical"), "tactical", (n, f) -> {
            object(n, f, Set.of("party", "area", "share"));
            return new Tactical(text(n.get("party"), f + ".party", true), text(n.get("area"), f + ".area", false), decimal(n.get("share"), f + ".share", true));
        });
        List<SeatOverride> overrides = list(root.get("overrides"), "overrides", (n, f) -> {
            object(n, f, Set.of("constituency", "party", "points"));
            return new SeatOverride(text(n.get("constituency"), f + ".constituency", true), text(n.get("party"), f + ".party", true),
                    decimal(n.get("points"), f + ".points", true));
        });
        StvAssumption stv = root.has("stv") ? stv(root.get("stv")) : null;
        return new Scenario(alliance, swings, standDowns, transfers, sd, ams, nonParty, polls, tactical, overrides,
                decimal(root.get("incumbency"), "incumbency", false), decimal(root.get("regionSd"), "regionSd", false), stv);
    }

    private Poll poll(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("area", "kind", "shares"));
        return new Poll(text(n.get("area"), field + ".area", false), kind(n, field), shares(n.get("shares"), field + ".shares"));
    }

    private StvAssumption stv(JsonNode n) throws UsageException {
        object(n, "stv", Set.of("groups", "seatsPerGroup", "transfers"));
        Map<String, List<String>> groups = null;
        JsonNode g = n.get("groups");
        if (g != null && !g.isNull()) {
            object(g, "stv.groups", null);
            groups = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : g.properties()) groups.put(e.getKey(), strings(e.getValue(), "stv.groups." + e.getKey()));
        }
        int perGroup = n.has("seatsPerGroup") ? integer(n.get("seatsPerGroup"), "stv.seatsPerGroup") : StvAssumption.DEFAULT_SEATS_PER_GROUP;
        Map<String, Map<String, BigDecimal>> matrix = new LinkedHashMap<>();
        JsonNode t = n.get("transfers");
        if (t != null && !t.isNull()) {
            object(t, "stv.transfers", null);
            for (Map.Entry<String, JsonNode> e : t.properties()) matrix.put(e.getKey(), shares(e.getValue(), "stv.transfers." + e.getKey()));
        }
        return new StvAssumption(groups, perGroup, matrix);
    }

    /** An object of label: number, in the order written. */
    private Map<String, BigDecimal> shares(JsonNode n, String field) throws UsageException {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) return out;
        object(n, field, null);
        for (Map.Entry<String, JsonNode> e : n.properties()) out.put(e.getKey(), decimal(e.getValue(), field + "." + e.getKey(), true));
        return out;
    }

    private SwingKind kind(JsonNode n, String field) throws UsageException {
        String kindName = text(n.get("kind"), field + ".kind", true);
        SwingKind kind = SwingKind.fromJson(kindName);
        if (kind == null) throw error(field + ".kind", "expected \"uniform\" or \"proportional\", got \"" + kindName + "\"");
        return kind;
    }

    private Swing swing(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("party", "area", "kind", "amount", "sd"));
        return new Swing(text(n.get("party"), field + ".party", true), text(n.get("area"), field + ".area", false), kind(n, field),
                decimal(n.get("amount"), field + ".amount", true), decimal(n.get("sd"), field + ".sd", false));
    }

    private StandDown standDown(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("party", "where", "constituencies", "beneficiary"));
        String whereName = text(n.get("where"), field + ".where", true);
        StandDownRule where = StandDownRule.fromJson(whereName);
        if (where == null) {
            throw error(field + ".where", "expected \"all\", \"listed\", \"ally-best-placed\" or \"beneficiary-best-placed\", got \"" + whereName + "\"");
        }
        return new StandDown(text(n.get("party"), field + ".party", true), where, strings(n.get("constituencies"), field + ".constituencies"),
                text(n.get("beneficiary"), field + ".beneficiary", false));
    }

    private Transfer transfer(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("from", "shares", "area", "beneficiary"));
        return new Transfer(text(n.get("from"), field + ".from", true), list(n.get("shares"), field + ".shares", this::share),
                text(n.get("area"), field + ".area", false), text(n.get("beneficiary"), field + ".beneficiary", false));
    }

    private TransferShare share(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("to", "share", "sd"));
        return new TransferShare(text(n.get("to"), field + ".to", true), decimal(n.get("share"), field + ".share", true), decimal(n.get("sd"), field + ".sd", false));
    }

    private interface Reader<T> {
        T read(JsonNode node, String field) throws UsageException;
    }

    private <T> List<T> list(JsonNode n, String field, Reader<T> reader) throws UsageException {
        List<T> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw error(field, "expected a list");
        for (int i = 0; i < n.size(); i++) out.add(reader.read(n.get(i), field + "[" + i + "]"));
        return out;
    }

    private List<String> strings(JsonNode n, String field) throws UsageException {
        return list(n, field, (node, f) -> text(node, f, true));
    }

    /** @param allowed the field names allowed, or null for any (a map keyed by label or group name) */
    private void object(JsonNode n, String field, Set<String> allowed) throws UsageException {
        if (!n.isObject()) throw error(field, "expected an object");
        if (allowed == null) return;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String path = field.equals("scenario") ? name : field + "." + name;
                throw error(path, "unknown field (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(JsonNode n, String field, boolean required) throws UsageException {
        if (n == null || n.isNull()) {
            if (required) throw error(field, "missing");
            return null;
        }
        if (!n.isTextual()) throw error(field, "expected a string, got " + n);
        return n.textValue();
    }

    private BigDecimal decimal(JsonNode n, String field, boolean required) throws UsageException {
        if (n == null || n.isNull()) {
            if (required) throw error(field, "missing");
            return null;
        }
        if (!n.isNumber()) throw error(field, "expected a number, got " + n);
        return n.decimalValue();
    }

    private int integer(JsonNode n, String field) throws UsageException {
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToInt()) throw error(field, "expected a whole number, got " + n);
        return n.intValue();
    }

    private UsageException error(String field, String problem) {
        return new UsageException(source + ": " + field + ": " + problem);
    }
}
