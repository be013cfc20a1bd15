package org.commonweal.platform.elections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.elections.stv.StageKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A published count as the engine recorded it (its JSON report, kept as published so that a later engine cannot
 * change it), read back into what the results page renders in words: stages by kind and candidate, figures as
 * the exact decimals of the count, ties with how they were settled. The page's wording comes from message keys.
 */
public record CountSheet(int seats, long ballots, String quota, List<String> candidates, List<String> elected, List<StageColumn> stages,
                         List<Tie> ties) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stage: what happened (and to whom), each candidate's total after it, and who was elected or excluded at it. */
    public record StageColumn(int number, StageKind kind, String candidate, List<String> totals, String nonTransferable, String loss,
                              List<String> elected, List<String> excluded) {
        /** The message key describing the stage ({@code elections.count.stage.surplus}, ...). */
        public String key() {
            return "elections.count.stage." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean electedHere(String name) {
            return elected.contains(name);
        }

        public boolean excludedHere(String name) {
            return excluded.contains(name);
        }
    }

    /** A tie, why it had to be broken, and how: by the totals at an earlier stage, or by lot. */
    public record Tie(int afterStage, String reasonKey, List<String> tied, String chosen, boolean byLot, int decidedAtStage) {
    }

    public static CountSheet fromReport(String json) {
        try {
            JsonNode r = JSON.readTree(json);
            List<String> candidates = strings(r.get("candidates"));
            List<StageColumn> stages = new ArrayList<>();
            for (JsonNode s : r.get("stages")) {
                List<String> totals = candidates.stream().map(c -> s.get("totals").get(c).asText()).toList();
                stages.add(new StageColumn(s.get("stage").asInt(), kind(s.get("action").asText()),
                        s.get("candidate").isNull() ? null : s.get("candidate").asText(), totals, s.get("nonTransferable").asText(),
                        s.get("lossFromTruncation").asText(), strings(s.get("elected")), strings(s.get("excluded"))));
            }
            List<Tie> ties = new ArrayList<>();
            for (JsonNode t : r.get("ties")) {
                ties.add(new Tie(t.get("afterStage").asInt(), reasonKey(t.get("reason").asText()), strings(t.get("tied")), t.get("chosen").asText(),
                        t.get("byLot").asBoolean(), t.get("decidedAtStage").isNull() ? 0 : t.get("decidedAtStage").asInt()));
            }
            return new CountSheet(r.get("seats").asInt(), r.get("ballots").asLong(), r.get("quota").asText(), candidates, strings(r.get("elected")),
                    stages, ties);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("a published count report could not be read: " + e.getMessage(), e);
        }
    }

    private static StageKind kind(String label) {
        for (StageKind k : StageKind.values()) if (k.label().equals(label)) return k;
        throw new IllegalArgumentException("unknown stage action '" + label + "'");
    }

    /** The engine names why a tie had to be broken in a few fixed phrases; each has its own wording on the page. */
    private static String reasonKey(String reason) {
        return switch (reason) {
            case "largest surplus transferred first" -> "elections.count.tie.surplus";
            case "lowest candidate excluded" -> "elections.count.tie.exclusion";
            case "order of election" -> "elections.count.tie.order";
            default -> throw new IllegalArgumentException("unknown tie reason '" + reason + "'");
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return List.copyOf(out);
    }
}
