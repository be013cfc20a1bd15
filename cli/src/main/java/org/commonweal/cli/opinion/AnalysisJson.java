package org.commonweal.cli.opinion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.ConsensusStatement;
import org.commonweal.opinion.Group;
import org.commonweal.opinion.RepStatement;
import org.commonweal.opinion.Vote;

import java.util.List;
import java.util.Map;

/** The {@code opinion analyse --json} contract (docs/cli.md): exactly these keys, ids as in the input files. */
final class AnalysisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalysisJson() {
    }

    static String of(Analysis a) throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("participants", a.participants());
        root.put("statements", a.statements());
        ArrayNode groups = root.putArray("groups");
        for (Group g : a.groups()) {
            ObjectNode group = groups.addObject();
            group.put("id", g.id());
            ArrayNode members = group.putArray("members");
            g.members().forEach(members::add);
        }
        ObjectNode consensus = root.putObject("consensus");
        ids(consensus.putArray("agree"), a.consensus().agree());
        ids(consensus.putArray("disagree"), a.consensus().disagree());
        ObjectNode repness = root.putObject("repness");
        for (Map.Entry<Integer, List<RepStatement>> g : a.repness().entrySet()) {
            ArrayNode list = repness.putArray(String.valueOf(g.getKey()));
            for (RepStatement r : g.getValue()) {
                ObjectNode s = list.addObject();
                s.put("tid", r.statementId());
                s.put("repful-for", r.repfulFor() == Vote.AGREE ? "agree" : "disagree");
                s.put("repness", r.repness());
            }
        }
        ObjectNode gac = root.putObject("groupAwareConsensus");
        a.groupAwareConsensus().forEach((tid, v) -> gac.put(String.valueOf(tid), v));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void ids(ArrayNode into, List<ConsensusStatement> statements) {
        statements.forEach(s -> into.add(s.statementId()));
    }
}
