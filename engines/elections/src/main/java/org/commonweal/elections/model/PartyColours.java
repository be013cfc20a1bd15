package org.commonweal.elections.model;

import java.util.Map;

/** The colours parties are drawn in (their usual colours for the UK's House of Commons labels; others from a fixed palette). */
public final class PartyColours {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("Con", "#0087dc"), Map.entry("Lab", "#e4003b"), Map.entry("LD", "#faa61a"), Map.entry("SNP", "#fdf38e"),
            Map.entry("Green", "#02a95b"), Map.entry("PC", "#005b54"), Map.entry("DUP", "#d46a4c"), Map.entry("SF", "#326760"),
            Map.entry("RUK", "#12b6cf"), Map.entry("Reform", "#12b6cf"), Map.entry("BRX", "#12b6cf"), Map.entry("SDLP", "#2aa82c"),
            Map.entry("APNI", "#f6cb2f"), Map.entry("Alliance", "#f6cb2f"), Map.entry("UUP", "#48a5ee"), Map.entry("TUV", "#0c3a6a"),
            Map.entry("Spk", "#505a5f"), Map.entry("Speaker", "#505a5f"), Map.entry("Ind", "#b1b4b6"));
    private static final String[] FALLBACK = {"#6f72af", "#a285d1", "#f499be", "#85994b", "#912b88", "#28a197", "#b58840", "#5694ca"};

    private PartyColours() {
    }

    public static String of(String party) {
        String known = KNOWN.get(party);
        return known != null ? known : FALLBACK[Math.floorMod(party.hashCode(), FALLBACK.length)];
    }
}
