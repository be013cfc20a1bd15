package org.commonweal.platform.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UK Volunteering Data standard's files have the shape of the standard's own examples (activity.json,
 * organisation.json in the shared data): the same keys at every level, and the same JSON types.
 */
class VolunteeringDataTest extends PlatformTestCase {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path example(String name) {
        return TestApp.sharedData().resolve("civil-society/volunteering").resolve(name);
    }

    @Test
    void activitiesHaveTheShapeOfTheStandardsExample() throws IOException {
        TestClient.Response r = app.client().get("/open-data/volunteering/activities.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/ld+json");
        JsonNode ours = JSON.readTree(r.body());
        JsonNode example = JSON.readTree(Files.readString(example("activity.json")));
        assertThat(shapeProblems("", example, ours)).isEmpty();
        JsonNode solar = find(ours.get("@graph"), "Solar open days");
        assertThat(solar.get("organisation").asText()).endsWith("/groups/" + app.count("SELECT id FROM groups WHERE name = 'Quayside Community Energy'"));
        assertThat(solar.get("session")).hasSize(2);
        assertThat(solar.get("session").get(0).get("time").get(0).get("beginning").asText()).matches("\\d{4}-\\d{2}-\\d{2}T10:00.*");
        JsonNode lunch = find(ours.get("@graph"), "Lunch club helpers");
        assertThat(lunch.get("requirement").toString()).contains("An enhanced DBS check").contains("18 or over");
        assertThat(lunch.get("cause").toString()).contains("Health");
        assertThat(r.body()).doesNotContain("@demo.commonweal.org").doesNotContain("Ben Carter");
    }

    @Test
    void organisationsHaveTheShapeOfTheStandardsExampleAndAreTheActivitiesOrganisations() throws IOException {
        JsonNode ours = JSON.readTree(app.client().get("/open-data/volunteering/organisations.json").body());
        JsonNode example = JSON.readTree(Files.readString(example("organisation.json")));
        assertThat(shapeProblems("", example, ours)).isEmpty();
        JsonNode activities = JSON.readTree(app.client().get("/open-data/volunteering/activities.json").body()).get("@graph");
        List<String> ids = new ArrayList<>();
        ours.get("@graph").forEach(o -> ids.add(o.get("id").asText()));
        activities.forEach(a -> assertThat(ids).contains(a.get("organisation").asText()));
        assertThat(ours.toString()).contains("Quayside Community Energy").contains("St Mark");
    }

    @Test
    void theOpenDataPageListsTheDatasetAndPointsToTheStandardsFiles() {
        String page = app.client().get("/open-data").body();
        assertThat(page).contains("Volunteering opportunities").contains("/open-data/volunteering/activities.json");
        String csv = app.client().get("/open-data/volunteering-opportunities.csv").body();
        assertThat(csv).startsWith("id,title,group_id,group,roles").contains("Solar open days");
    }

    @Test
    void theShapeCheckFindsAMissingKeyAndAWrongType() throws IOException {
        JsonNode example = JSON.readTree("{\"a\":\"\",\"b\":[{\"c\":\"\"}]}");
        assertThat(shapeProblems("", example, JSON.readTree("{\"a\":\"x\",\"b\":[{\"c\":\"y\"}]}"))).isEmpty();
        assertThat(shapeProblems("", example, JSON.readTree("{\"a\":1,\"b\":[{\"d\":\"y\"}]}"))).containsExactlyInAnyOrder(
                "/a: NUMBER where the example has STRING", "/b/0: keys [d] where the example has [c]");
    }

    /** Where {@code ours} differs in shape from {@code example}: keys of objects, JSON types, and each array element against the example's first. */
    static List<String> shapeProblems(String path, JsonNode example, JsonNode ours) {
        List<String> out = new ArrayList<>();
        if (example.getNodeType() != ours.getNodeType()) {
            out.add(path + ": " + ours.getNodeType() + " where the example has " + example.getNodeType());
            return out;
        }
        if (example.isObject()) {
            List<String> want = names(example), got = names(ours);
            if (!want.equals(got)) {
                out.add(path + ": keys " + got + " where the example has " + want);
                return out;
            }
            for (String k : want) out.addAll(shapeProblems(path + "/" + k, example.get(k), ours.get(k)));
        } else if (example.isArray() && !example.isEmpty()) {
            for (int i = 0; i < ours.size(); i++) out.addAll(shapeProblems(path + "/" + i, example.get(0), ours.get(i)));
        }
        return out;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    private static JsonNode find(JsonNode graph, String titleStart) {
        for (JsonNode a : graph) if (a.get("label").asText().startsWith(titleStart)) return a;
        throw new AssertionError("no activity " + titleStart + " in " + graph);
    }
}
