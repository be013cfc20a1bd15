package org.commonweal.platform.volunteers;

import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing TeamKinetic's volunteer export into a group: the column mapping guessed from the header, special category
 * columns never imported, every problem named by file, row and column with nothing stored, then all rows in one go;
 * an imported person claims their record.
 */
class VolunteerImportTest extends PlatformTestCase {
    private static final Path FILE = TestApp.sharedData().resolve("civil-society/volunteering/Volunteer-data.csv");
    private static final Pattern IMPORT = Pattern.compile("/volunteers/import/(\\d+)$");

    private static String upload(TestClient client, long group, byte[] content) {
        client.get("/groups/" + group + "/volunteers/import");
        TestClient.Response r = Multipart.post(app, client, "/groups/" + group + "/volunteers/import", Map.of(), "file", "Volunteer-data.csv", content);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        Matcher m = IMPORT.matcher(r.location());
        assertThat(m.find()).as(r.location()).isTrue();
        return r.location();
    }

    /** The mapping as the page guessed it, from its selected options. */
    private static Map<String, String> guessed(String mappingPage) {
        Map<String, String> form = new HashMap<>();
        Matcher m = Pattern.compile("<select[^>]*name=\"(column\\d+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(mappingPage);
        while (m.find()) {
            Matcher sel = Pattern.compile("<option value=\"([a-zA-Z]+)\" selected").matcher(m.group(2));
            form.put(m.group(1), sel.find() ? sel.group(1) : "skip");
        }
        return form;
    }

    private static long imported() {
        return app.count("SELECT count(*) FROM volunteers WHERE source = 'teamkinetic'");
    }

    @Test
    void theTeamKineticExportIsMappedCheckedRowByRowAndImportedWholeWithoutSpecialCategoryData() throws Exception {
        long food = Volunteers.group(app, "Riverford Food Bank");
        TestClient ben = app.client();
        ben.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        byte[] original = Files.readAllBytes(FILE);
        String mappingPath = upload(ben, food, original);

        String mapping = ben.get(mappingPath).body();
        assertThat(mapping).contains("Column 5: DOB").contains("Column 8: ETHNICITY").contains("Column 29: DISABILITYDESCRIPTION")
                .contains("Not imported (special category data)").doesNotContain("epilepsy");
        assertThat(mapping).doesNotContain("name=\"column4\"").doesNotContain("name=\"column28\"").as("special columns cannot be chosen");
        Map<String, String> form = guessed(mapping);
        assertThat(form).containsEntry("column0", "externalId").containsEntry("column36", "skip").as("the second VOLID column")
                .containsEntry("column2", "firstName").containsEntry("column3", "surname").containsEntry("column16", "email")
                .containsEntry("column24", "checkReference").containsEntry("column25", "inducted");

        // Two columns for one field: refused, naming both.
        Map<String, String> twice = new HashMap<>(form);
        twice.put("column3", "firstName");
        twice.put("step", "preview");
        TestClient.Response bad = ben.post(mappingPath, twice);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Columns 3 and 4 are both mapped to the same field");

        // A special category column posted as imported stays unimported.
        form.put("column28", "surname");
        form.put("step", "import");
        TestClient.Response preview = ben.post(mappingPath, form);
        assertThat(preview.status()).as("four addresses in the export are not email addresses").isEqualTo(422);
        assertThat(preview.body()).contains("Volunteer-data.csv, row 10, column 17 (EMAIL): “uspendissecommodotincidunt.com” is not an email address")
                .contains("row 250, column 17").contains("row 406, column 17").contains("row 412, column 17").contains("Nothing has been imported");
        assertThat(imported()).isZero();

        // Corrected, the whole file goes in at once.
        String fixed = new String(original, StandardCharsets.UTF_8).replace("\"uspendissecommodotincidunt.com\"", "\"u@commodo.example\"")
                .replace("\"consectetueradipiscingelit.edu\"", "\"\"").replace("\"endreritconsectetuercursus.org\"", "\"e@cursus.example\"");
        String second = upload(ben, food, fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(ben.get("/groups/" + food + "/volunteers/import").status()).as("not read as a volunteer's page").isEqualTo(200);
        TestClient.Response ready = ben.post(second, Map.ofEntries(Map.entry("step", "preview"), Map.entry("column0", "externalId"), Map.entry("column2", "firstName"),
                Map.entry("column3", "surname"), Map.entry("column16", "email"), Map.entry("column29", "mayEmail"), Map.entry("column21", "checkDone"),
                Map.entry("column22", "checkEnhanced"), Map.entry("column23", "checkExpires"), Map.entry("column24", "checkReference"),
                Map.entry("column37", "inductedOn")));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("434 volunteers are ready to import").contains("Column 5, DOB: special category data");
        Map<String, String> confirm = guessed(ben.get(second).body());
        confirm.put("step", "import");
        long mailsBefore = app.count("SELECT count(*) FROM mail_outbox");
        TestClient.Response done = ben.post(second, confirm);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(imported()).isEqualTo(434);
        assertThat(app.count("SELECT count(*) FROM volunteer_groups vg JOIN volunteers v ON v.id = vg.volunteer_id WHERE v.source = 'teamkinetic' AND vg.group_id = " + food))
                .isEqualTo(434);
        assertThat(app.count("SELECT count(*) FROM volunteer_imports WHERE id = " + second.substring(second.lastIndexOf('/') + 1))).as("the upload is gone").isZero();
        assertThat(app.count("SELECT count(*) FROM volunteers WHERE external_id = '3' AND display_name = 'Margaret Pugh' AND external_check_ref = '176C0768-9'"
                + " AND external_check_level = 'standard'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM volunteer_dbs_checks c JOIN volunteers v ON v.id = c.volunteer_id WHERE v.source = 'teamkinetic'"))
                .as("an export's check is never a verified certificate").isZero();
        assertThat(app.count("SELECT count(*) FROM volunteers WHERE source = 'teamkinetic' AND (volunteers::text ILIKE '%epilepsy%'"
                + " OR volunteers::text LIKE '%1954-03-24%' OR volunteers::text ILIKE '%White Welsh%')")).as("no special category data")
                .isZero();
        assertThat(app.count("SELECT count(*) FROM mail_outbox") - mailsBefore).as("invitations to those with an address who agreed to email").isEqualTo(428);
        VolunteerService service = app.platform.feature(VolunteersFeature.class).volunteers();
        assertThat(service.byExternalId("teamkinetic", "3")).map(VolunteerProfile::claimed).contains(false);
        assertThat(service.available(food, java.time.LocalDate.now())).extracting(VolunteerProfile::source).doesNotContain("teamkinetic");
        assertThat(ben.get("/groups/" + food + "/volunteers?name=margaret+pugh").body()).contains("Margaret Pugh").contains("Not yet claimed");

        // Importing again updates instead of duplicating.
        String again = upload(ben, food, fixed.getBytes(StandardCharsets.UTF_8));
        Map<String, String> confirmAgain = guessed(ben.get(again).body());
        confirmAgain.put("step", "import");
        long mailsAfterFirst = app.count("SELECT count(*) FROM mail_outbox");
        assertThat(ben.post(again, confirmAgain).status()).isEqualTo(302);
        assertThat(imported()).isEqualTo(434);
        assertThat(app.count("SELECT count(*) FROM mail_outbox")).as("no second invitation while the first link works").isEqualTo(mailsAfterFirst);

        // Margaret claims her record with an account for the address the invitation went to.
        String body = app.database.jdbi().withHandle(h -> h.createQuery("SELECT body FROM mail_outbox WHERE recipient = 'demo@teamkinetic.co.uk' ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
        Matcher link = Pattern.compile("(/volunteer/claim/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        app.platform.accounts.createConfirmed("someone.else@example.org", "Someone Else", "someone-else-pass", Set.of(), null);
        TestClient other = app.client();
        other.signIn("someone.else@example.org", "someone-else-pass");
        assertThat(other.get(link.group(1)).body()).contains("sent to another email address");
        assertThat(other.post(link.group(1), Map.of()).status()).as("a forwarded link does not work").isEqualTo(409);
        long margaret = app.platform.accounts.createConfirmed("demo@teamkinetic.co.uk", "Margaret Pugh", "margaret-pass-123", Set.of(), null);
        TestClient client = app.client();
        client.signIn("demo@teamkinetic.co.uk", "margaret-pass-123");
        assertThat(client.get(link.group(1)).body()).contains("Claim the record");
        assertThat(client.post(link.group(1), Map.of()).status()).isEqualTo(302);
        VolunteerProfile claimed = service.ofAccount(margaret).orElseThrow();
        assertThat(claimed.groupIds()).containsExactly(food);
        assertThat(claimed.externalId()).isEqualTo("3");
        assertThat(client.post(link.group(1), Map.of()).status()).as("once").isEqualTo(409);
    }

    @Test
    void onlyTheGroupsAdminsAndOfficersImportAndAnUploadBelongsToItsGroup() throws Exception {
        long food = Volunteers.group(app, "Riverford Food Bank");
        long energy = Volunteers.group(app, "Quayside Community Energy");
        TestClient chidi = app.client();
        chidi.signIn("chidi@demo.commonweal.org", "demo-resident-pass");
        assertThat(chidi.get("/groups/" + food + "/volunteers/import").status()).as("the food bank's secretary, not an admin").isEqualTo(403);
        TestClient officer = app.signedInAs("officer");
        String path = upload(officer, food, "VOLID,FIRSTNAME,EMAIL\n7001,Ann,ann@example.org\n7001,Bob,bob@example.org\n8,,not-an-address\n"
                .getBytes(StandardCharsets.UTF_8));
        TestClient.Response preview = officer.post(path, Map.of("step", "import", "column0", "externalId", "column1", "firstName", "column2", "email"));
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.body()).contains("Volunteer-data.csv, row 3, column 1 (VOLID): the id 7001 is also on row 2")
                .contains("Volunteer-data.csv, row 4, column 2 (FIRSTNAME): empty").contains("row 4, column 3 (EMAIL)");
        assertThat(app.count("SELECT count(*) FROM volunteers WHERE external_id IN ('7001', '8')")).isZero();
        String id = path.substring(path.lastIndexOf('/') + 1);
        TestClient amira = app.client();
        amira.signIn("amira@demo.commonweal.org", "demo-resident-pass");
        assertThat(amira.get("/groups/" + energy + "/volunteers/import/" + id).status()).as("another group's upload").isEqualTo(404);
        assertThat(amira.get(path).status()).isEqualTo(403);

        TestClient.Response notCsv = Multipart.post(app, officer, "/groups/" + food + "/volunteers/import", Map.of(), "file", "people.csv",
                "VOLID,FIRSTNAME\n\"1,Ann\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notCsv.status()).isEqualTo(422);
        assertThat(notCsv.body()).contains("people.csv cannot be read as CSV");
        TestClient.Response latin1 = Multipart.post(app, officer, "/groups/" + food + "/volunteers/import", Map.of(), "file", "people.csv",
                new byte[]{'V', 'O', 'L', 'I', 'D', '\n', '1', (byte) 0xE9, '\n'});
        assertThat(latin1.body()).contains("people.csv is not UTF-8 text");
        List.of(notCsv, latin1).forEach(r -> assertThat(r.body()).doesNotContain("Exception"));
    }
}
