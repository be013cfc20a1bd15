package org.commonweal.opinion;

import org.commonweal.opinion.io.ConversationFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The openData conversations (../shared/data/polis): a first update's groups against the group-id column Polis
 * published in participants-votes.csv, as an adjusted Rand index printed per conversation (docs/engines/opinion.md
 * lists them). These exports carry no math state, so the figure measures how far history moved Polis's k-means.
 */
class OpenDataGroupsTest {
    @TestFactory
    Stream<DynamicTest> groupsAgainstPublishedGroupIds() {
        return SharedData.conversations("polis").stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Map<Long, Integer> published = publishedGroups(folder);
            Analysis a = OpinionMath.update(null, ConversationFile.read(folder).matrix());
            Map<Long, Integer> ours = PolisMathConformanceTest.groupsOf(a);
            double ari = AdjustedRand.of(ours, published);
            long common = ours.keySet().stream().filter(published::containsKey).count();
            System.out.printf("polis %s: %d participants, %d statements; %d groups (published %d); ARI %.3f over %d participants%n",
                    folder.getFileName(), a.participants(), a.statements(), a.groups().size(),
                    published.values().stream().distinct().count(), ari, common);
            assertThat(a.groups()).hasSizeBetween(2, 5);
            assertThat(common).as("participants grouped by both").isGreaterThan(0);
        }));
    }

    private static Map<Long, Integer> publishedGroups(Path folder) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("participants-votes.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int participant = header.indexOf("participant");
        int group = header.indexOf("group-id");
        Map<Long, Integer> result = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[group].isBlank()) result.put(Long.parseLong(f[participant]), Integer.parseInt(f[group]));
        }
        return result;
    }
}
