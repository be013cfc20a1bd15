package org.commonweal.cli.opinion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.elections.CliRun;
import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.OpinionMath;
import org.commonweal.opinion.io.ConversationFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyseCommandTest {
    @TempDir
    Path dir;

    private static Path shared(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("commonweal"))) p = p.getParent();
        return p.resolveSibling("shared").resolve("data").resolve(relative);
    }

    private static List<String> keys(JsonNode node) {
        List<String> k = new ArrayList<>();
        node.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void jsonHasExactlyTheContractedShapeAndTheEnginesFigures() throws Exception {
        Path folder = shared("polis-math/below-100-ptpts");
        CliRun run = CliRun.of("opinion", "analyse", folder.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(keys(json)).containsExactly("participants", "statements", "groups", "consensus", "repness", "groupAwareConsensus");
        Analysis expected = OpinionMath.update(null, ConversationFile.read(folder).matrix());
        assertThat(json.get("participants").asInt()).isEqualTo(35);
        assertThat(json.get("statements").asInt()).isEqualTo(44);
        assertThat(json.get("groups")).hasSize(expected.groups().size());
        for (int g = 0; g < expected.groups().size(); g++) {
            JsonNode group = json.get("groups").get(g);
            assertThat(keys(group)).containsExactly("id", "members");
            List<Long> members = new ArrayList<>();
            group.get("members").forEach(m -> members.add(m.asLong()));
            assertThat(members).isEqualTo(expected.groups().get(g).members());
        }
        assertThat(keys(json.get("consensus"))).containsExactly("agree", "disagree");
        assertThat(json.get("consensus").get("agree").get(0).asLong()).isEqualTo(expected.consensus().agree().get(0).statementId());
        json.get("repness").fields().forEachRemaining(g -> g.getValue().forEach(r -> {
            assertThat(keys(r)).containsExactly("tid", "repful-for", "repness");
            assertThat(r.get("repful-for").asText()).isIn("agree", "disagree");
        }));
        assertThat(keys(json.get("groupAwareConsensus"))).hasSize(44).contains("0", "43");
        assertThat(json.get("groupAwareConsensus").get("0").asDouble()).isEqualTo(expected.groupAwareConsensus().get(0L));
    }

    @Test
    void textSaysWhatSetsEachGroupApartInWords() {
        CliRun run = CliRun.of("opinion", "analyse", shared("polis/brexit-consensus").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Can there be consensus on Brexit?\n")
                .contains("opinion groups:", "Group A: ", "What sets group A apart:", "Consensus across everyone:", "in the group agreed")
                .doesNotContain("tid", "repness");
    }

    @Test
    void badInputIsOneLineNamingFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("comments.csv"), "comment-id,moderated,comment-body\n0,1,Hello\n");
        Files.writeString(dir.resolve("votes.csv"), "timestamp,comment-id,voter-id,vote\n1,0,7,1\n2,0,8,maybe\n");
        CliRun run = CliRun.of("opinion", "analyse", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("commonweal opinion: " + dir.resolve("votes.csv") + " line 3, field vote: should be a whole number, not \"maybe\"");
        assertThat(run.out()).isEmpty();

        CliRun none = CliRun.of("opinion", "analyse", dir.resolve("nowhere").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("nowhere: is not a folder");

        Files.writeString(dir.resolve("votes.csv"), "timestamp,comment-id,voter-id,vote\n");
        assertThat(CliRun.of("opinion", "analyse", dir.toString()).err()).contains("no votes to analyse");
    }
}
