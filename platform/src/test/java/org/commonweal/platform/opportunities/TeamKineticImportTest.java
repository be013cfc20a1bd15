package org.commonweal.platform.opportunities;

import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TeamKinetic import through its pages: upload, the column mapping guessed from the headers, the preview, and the
 * import in one transaction; a bad cell is named by file, row and column and nothing is stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamKineticImportTest extends PlatformTestCase {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern SELECTED = Pattern.compile("<select class=\"govuk-select\" id=\"(map\\.[^\"]+)\" name=\"[^\"]+\">(.*?)</select>", Pattern.DOTALL);

    static byte[] shared(String name) throws IOException {
        return Files.readAllBytes(TestApp.sharedData().resolve("civil-society/volunteering").resolve(name));
    }

    private static long church() {
        return OpportunitiesJourneyTest.group("St Mark's Church, Riverford");
    }

    /** Ben coordinates St Mark's volunteering: he uploads the files. */
    private static TestClient.Response upload(TestClient ben, Map<String, byte[]> files) {
        return upload(ben, church(), files);
    }

    private static TestClient.Response upload(TestClient client, long group, Map<String, byte[]> files) {
        client.get("/groups/" + group + "/opportunities/import");
        List<Multipart.Part> parts = files.entrySet().stream().map(e -> new Multipart.Part(e.getKey(),
                switch (e.getKey()) {
                    case "providers" -> "Provider-data.csv";
                    case "opportunities" -> "Opportunity-data.csv";
                    default -> "Session-data.csv";
                }, e.getValue())).toList();
        return Multipart.post(app, client, "/groups/" + group + "/opportunities/import",
                Map.of("step", "upload", "place", String.valueOf(OpportunitiesJourneyTest.place("Quayside")), "capacity", "10"), parts);
    }

    /** The page's form as the browser would send it on: its hidden fields and each select's chosen option. */
    private static Map<String, String> formOf(String page) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher h = HIDDEN.matcher(page);
        while (h.find()) form.put(h.group(1), h.group(2).replace("&#43;", "+").replace("&#61;", "=").replace("&#47;", "/").replace("&amp;", "&"));
        Matcher s = SELECTED.matcher(page);
        while (s.find()) {
            Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(s.group(2));
            form.put(s.group(1), chosen.find() ? chosen.group(1) : "");
        }
        return form;
    }

    private static TestClient.Response next(TestClient ben, Map<String, String> form) {
        return next(ben, church(), form);
    }

    private static TestClient.Response next(TestClient client, long group, Map<String, String> form) {
        return Multipart.post(app, client, "/groups/" + group + "/opportunities/import", form, List.of());
    }

    @Test
    @Order(Integer.MAX_VALUE) // makes Chidi a known TeamKinetic volunteer, which the other tests' previews would count
    void aKnownVolunteersSignUpsCheckInsAndLoggedHoursComeInAndCountInTheirRecord() throws IOException {
        // Chidi is TeamKinetic's volunteer 3, as the volunteers import would have recorded.
        TestClient chidi = OpportunitiesJourneyTest.as("chidi");
        chidi.get("/volunteer/profile");
        assertThat(chidi.post("/volunteer/profile", Map.of("languages", "en", "radiusKm", "5", "capacity", "1")).status()).isEqualTo(302);
        app.database.jdbi().useHandle(h -> h.execute("UPDATE volunteers SET source = 'teamkinetic', external_id = '3' WHERE account_id = "
                + "(SELECT id FROM accounts WHERE email = 'chidi@demo.commonweal.org')"));
        long makers = OpportunitiesJourneyTest.group("Northgate Makers CIC");
        TestClient.Response preview = next(chidi, makers, formOf(upload(chidi, makers, Map.of("opportunities", shared("Opportunity-data.csv"),
                "sessions", shared("Session-data.csv"))).body()));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("3 opportunities, 61 sessions and 20 sign-ups").doesNotContain("volunteer 3 is not on Commonweal");
        assertThat(next(chidi, makers, formOf(preview.body())).status()).isEqualTo(302);
        String source = "teamkinetic:group-" + makers;
        assertThat(app.count("SELECT count(*) FROM opportunity_signups u JOIN opportunity_sessions s ON s.id = u.session_id JOIN opportunities o"
                + " ON o.id = s.opportunity_id WHERE o.source = '" + source + "' AND u.attended")).isEqualTo(12);
        String record = chidi.get("/volunteering/mine").body();
        assertThat(record).contains("Northgate Makers CIC").contains("Approved hours in all: 12 hours");
        assertThat(chidi.get("/volunteering/mine/record.csv").body()).contains("Northgate Makers CIC,Volunteer,2025-10-17,2025-10-22,12");
    }

    @Test
    void theExportIsMappedPreviewedAndImportedWithUnknownVolunteersLeftOutAndSaidSo() throws IOException {
        TestClient ben = OpportunitiesJourneyTest.as("ben");
        TestClient.Response mapping = upload(ben, Map.of("providers", shared("Provider-data.csv"), "opportunities", shared("Opportunity-data.csv"),
                "sessions", shared("Session-data.csv")));
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(200);
        Map<String, String> form = formOf(mapping.body());
        assertThat(form).containsEntry("map.sessions.date", "SESSIONDATE").containsEntry("map.opportunities.title", "NAME")
                .containsEntry("map.sessions.volunteer", "VOLID").containsEntry("step", "preview");

        TestClient.Response preview = next(ben, form);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("3 opportunities, 61 sessions and 0 sign-ups")
                .contains("Session-data.csv row 12, VOLID: volunteer 3 is not on Commonweal with an account")
                .contains("Session-data.csv row 2, SESSIONID: no session");
        long before = app.count("SELECT count(*) FROM opportunities");
        assertThat(before).as("a preview stores nothing").isEqualTo(app.count("SELECT count(*) FROM opportunities"));

        TestClient.Response done = next(ben, formOf(preview.body()));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM opportunities WHERE source = 'teamkinetic:group-" + church() + "'")).isEqualTo(3);
        assertThat(app.count("SELECT count(*) FROM opportunities WHERE external_id = '3' AND closed_at IS NOT NULL")).as("not authorised: closed").isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM opportunity_sessions s JOIN opportunities o ON o.id = s.opportunity_id WHERE o.source = 'teamkinetic:group-"
                + church() + "'")).isEqualTo(61);

        TestClient.Response again = next(ben, formOf(preview.body()));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("Opportunity-data.csv row 2, PLACEMENTID: opportunity 2 was imported for this group before");
    }

    @Test
    void aBadCellIsNamedByFileRowAndColumnAndNothingIsImported() throws IOException {
        String sessions = new String(shared("Session-data.csv"), StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(sessions.lines().toList());
        lines.set(11, lines.get(11).replace("\"2025-10-17\"", "\"17/10/2025\""));
        TestClient ben = OpportunitiesJourneyTest.as("ben");
        Map<String, byte[]> files = new HashMap<>(Map.of("opportunities", shared("Opportunity-data.csv"),
                "sessions", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        TestClient.Response mapping = upload(ben, files);
        long before = app.count("SELECT count(*) FROM opportunity_sessions");
        TestClient.Response preview = next(ben, formOf(mapping.body()));
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.body()).contains("Session-data.csv row 12, SESSIONDATE: not a date (expected YYYY-MM-DD)").contains("Nothing was imported");
        Map<String, String> forced = formOf(preview.body());
        forced.put("step", "import");
        assertThat(next(ben, forced).status()).as("the import step plans again and refuses").isEqualTo(422);
        assertThat(app.count("SELECT count(*) FROM opportunity_sessions")).isEqualTo(before);
    }

    @Test
    void aColumnTheCoordinatorUnmapsIsNamedAndAFileThatIsNotCsvIsRefusedOnUpload() throws IOException {
        TestClient ben = OpportunitiesJourneyTest.as("ben");
        Map<String, String> form = formOf(upload(ben, Map.of("opportunities", shared("Opportunity-data.csv"))).body());
        form.put("map.opportunities.title", "");
        TestClient.Response preview = next(ben, form);
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.body()).contains("Opportunity-data.csv row 1, NAME: choose the column that holds Title");

        TestClient.Response broken = upload(ben, Map.of("opportunities", "\"PLACEMENTID\",\"NAME\"\n\"1\",\"a\",\"extra\"\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("Opportunity-data.csv row 2: 3 fields where the header has 2");
        TestClient amira = OpportunitiesJourneyTest.as("amira");
        assertThat(amira.get("/groups/" + church() + "/opportunities/import").status()).as("not her group").isEqualTo(403);
    }
}
