package org.commonweal.elections.fptp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the party labels in a results file: the name the file gives a label most often (the House of
 * Commons Library candidate file has "Party name" beside each abbreviation: Lab is "Labour" on most rows and
 * "Labour and Co-operative" on some), else the Library's usual name for its abbreviations (its constituency
 * file has abbreviations only), else the label itself.
 */
public final class PartyNames {
    private static final Map<String, String> LIBRARY = Map.ofEntries(
            Map.entry("Con", "Conservative"), Map.entry("Lab", "Labour"), Map.entry("LD", "Liberal Democrat"), Map.entry("RUK", "Reform UK"),
            Map.entry("BRX", "Brexit Party"), Map.entry("Green", "Green"), Map.entry("SNP", "Scottish National Party"), Map.entry("PC", "Plaid Cymru"),
            Map.entry("DUP", "Democratic Unionist Party"), Map.entry("SF", "Sinn Féin"), Map.entry("SDLP", "Social Democratic and Labour Party"),
            Map.entry("UUP", "Ulster Unionist Party"), Map.entry("APNI", "Alliance"), Map.entry("TUV", "Traditional Unionist Voice"),
            Map.entry("Spk", "Speaker"), Map.entry("Ind", "Independent"), Map.entry(HocConstituencyCsv.OTHERS, "All other candidates"));

    private final Map<String, String> names;

    private PartyNames(Map<String, String> names) {
        this.names = names;
    }

    public static PartyNames of(List<ConstituencyResult> results) {
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        for (ConstituencyResult r : results) {
            for (CandidateVotes c : r.candidates()) {
                if (c.partyName() != null) seen.computeIfAbsent(c.party(), k -> new HashMap<>()).merge(c.partyName(), 1, Integer::sum);
            }
        }
        Map<String, String> names = new HashMap<>();
        seen.forEach((label, counts) -> names.put(label, counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        return new PartyNames(names);
    }

    public String name(String label) {
        String fromFile = names.get(label);
        if (fromFile != null) return fromFile;
        return LIBRARY.getOrDefault(label, label);
    }
}
