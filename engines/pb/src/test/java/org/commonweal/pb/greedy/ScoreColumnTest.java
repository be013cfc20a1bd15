package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.VoteType;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published {@code score} column, recomputed from the ballots by {@link ProjectScores}. */
@Tag("slow")
class ScoreColumnTest {
    @Test
    void positionalPointsReproduceTheScoreColumnOfEveryOrdinalFile() throws Exception {
        int files = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path file : SharedPabulib.all()) {
            if (!declaresOrdinalBallots(file)) continue;
            Instance instance = PabulibReader.read(file);
            if (instance.voteType() != VoteType.ORDINAL || !instance.projectColumns().contains("score")) continue;
            files++;
            long[] scores = ProjectScores.of(instance);
            for (int p = 0; p < scores.length; p++) {
                String published = instance.projects().get(p).columns().get("score");
                if (!published.equals(String.valueOf(scores[p]))) mismatches.add(file.getFileName() + " " + instance.projects().get(p).id());
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(files).isEqualTo(70);
    }

    /** A look at the META section only, so that the other 600 files need not be parsed. */
    private static boolean declaresOrdinalBallots(Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            String head = new String(in.readNBytes(8192), java.nio.charset.StandardCharsets.UTF_8);
            int projects = head.indexOf("PROJECTS");
            return (projects < 0 ? head : head.substring(0, projects)).contains("vote_type;ordinal");
        }
    }
}
