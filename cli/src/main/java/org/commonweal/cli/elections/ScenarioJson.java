package org.commonweal.cli.elections;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.model.AmsAssumption;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.StandDown;
import org.commonweal.elections.model.StandDownRule;
import org.commonweal.elections.model.Swing;
import org.commonweal.elections.model.SwingKind;
import org.commonweal.elections.model.Transfer;
import org.commonweal.elections.model.TransferShare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        object(root, "scenario", Set.of("alliance", "swings", "standDowns", "transfers", "constituencySd", "ams", "nonPartyLabels"));
        List<String> alliance = strings(root.get("alliance"), "alliance");
        List<Swing> swings = list(root.get("swings"), "swings", this::swing);
        List<StandDown> standDowns = list(root.get("standDowns"), "standDowns", this::standDown);
        List<Transfer> transfers = list(root.get("transfers"), "transfers", this::transfer);
        BigDecimal sd = decimal(root.get("constituencySd"), "constituencySd", false);
        AmsAssumption ams = null;
        JsonNode a = root.get("ams");
        if (a != null) {
            object(a, "ams", Set.of("listSeats", "perConstituencies"));
            ams = new AmsAssumption(integer(a.get("listSeats"), "ams.listSeats"), integer(a.get("perConstituencies"), "ams.perConstituencies"));
        }
        List<String> nonParty = root.has("nonPartyLabels") ? strings(root.get("nonPartyLabels"), "nonPartyLabels") : null;
        return new Scenario(alliance, swings, standDowns, transfers, sd, ams, nonParty);
    }

    private Swing swing(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("party", "area", "kind", "amount", "sd"));
        String kindName = text(n.get("kind"), field + ".kind", true);
        SwingKind kind = SwingKind.fromJson(kindName);
        if (kind == null) throw error(field + ".kind", "expected \"uniform\" or \"proportional\", got \"" + kindName + "\"");
        return new Swing(text(n.get("party"), field + ".party", true), text(n.get("area"), field + ".area", false), kind,
                decimal(n.get("amount"), field + ".amount", true), decimal(n.get("sd"), field + ".sd", false));
    }

    private StandDown standDown(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("party", "where", "constituencies"));
        String whereName = text(n.get("where"), field + ".where", true);
        StandDownRule where = StandDownRule.fromJson(whereName);
        if (where == null) throw error(field + ".where", "expected \"all\", \"listed\" or \"ally-best-placed\", got \"" + whereName + "\"");
        return new StandDown(text(n.get("party"), field + ".party", true), where, strings(n.get("constituencies"), field + ".constituencies"));
    }

    private Transfer transfer(JsonNode n, String field) throws UsageException {
        object(n, field, Set.of("from", "shares"));
        return new Transfer(text(n.get("from"), field + ".from", true), list(n.get("shares"), field + ".shares", this::share));
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

    private void object(JsonNode n, String field, Set<String> allowed) throws UsageException {
        if (!n.isObject()) throw error(field, "expected an object");
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
