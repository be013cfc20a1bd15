package org.commonweal.platform.elections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.elections.model.HexLayout;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a HexJSON map (Open Innovations' format: {@code {"layout": "odd-r", "hexes": {"ID": {"n": name, "q": 1,
 * "r": 2}, ...}}}) into the engine's {@link HexLayout}, for the seat map and for grouping adjacent seats.
 */
public final class HexJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file that is not a HexJSON map this reader can use; the message names the hex and field. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private HexJson() {
    }

    public static HexLayout parse(String text) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable("not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) throw new Unreadable("not a HexJSON object");
        String layout = root.path("layout").asText("");
        if (!layout.equals("odd-r")) throw new Unreadable("layout is '" + layout + "'; only 'odd-r' is supported");
        JsonNode hexes = root.get("hexes");
        if (hexes == null || !hexes.isObject() || hexes.isEmpty()) throw new Unreadable("no 'hexes'");
        Map<String, HexLayout.Hex> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : hexes.properties()) {
            JsonNode h = e.getValue();
            if (!h.path("q").canConvertToInt() || !h.path("r").canConvertToInt() || !h.path("q").isIntegralNumber() || !h.path("r").isIntegralNumber()) {
                throw new Unreadable("hexes." + e.getKey() + ": 'q' and 'r' must be whole numbers");
            }
            out.put(e.getKey(), new HexLayout.Hex(e.getKey(), h.path("n").asText(e.getKey()), h.get("q").intValue(), h.get("r").intValue()));
        }
        return new HexLayout(out);
    }
}
