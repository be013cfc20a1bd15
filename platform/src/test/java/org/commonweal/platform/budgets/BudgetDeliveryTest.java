package org.commonweal.platform.budgets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A selected project's delivery as Decidim's accountability shows it: status and a percentage of progress, dated
 * milestones (overdue ones marked), photos with alt text, an overview on the process page, open data columns, and
 * news for the project's followers. Bad input is refused naming the field, with nothing stored.
 */
class BudgetDeliveryTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process;
    static long park;
    static long library;
    static long lamps;
    static TestClient officer;
    static TestClient fan;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        officer = app.signedInAs("officer");
        process = setup.createProcess(officer, "Delivered Fund", "Riverside");
        long pot = setup.addPot(officer, process, "Delivery pot", "Riverside", "20,000", "approval", Map.of());
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        park = setup.propose(author, process, pot, "Pocket park", "8000", "Quayside");
        library = setup.propose(author, process, pot, "Library garden", "6000", "Quayside");
        lamps = setup.propose(author, process, pot, "Far too many lamps", "19000", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        for (long p : List.of(park, library, lamps)) setup.feasible(officer, process, p, p == lamps ? "19000" : p == park ? "8000" : "6000");
        fan = setup.resident("delivery-fan@example.org", "Quayside");
        fan.get("/budgets/" + process + "/proposals/" + park);
        assertThat(fan.post("/follows", Map.of("subject", "proposal:" + park, "follow", "yes", "return", "/budgets/" + process)).status()).isEqualTo(302);
        setup.advanceTo(officer, process, Phase.VOTING);
        for (int i = 0; i < 2; i++) {
            TestClient voter = setup.resident("delivery-voter" + i + "@example.org", "Quayside");
            voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
            assertThat(BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote",
                    BudgetSetup.ballot(voter, "cast", "choice", String.valueOf(park), "choice", String.valueOf(library))).status()).isEqualTo(200);
        }
        setup.advanceTo(officer, process, Phase.DELIVERY);
    }

    private static String base(long proposal) {
        return "/budgets/" + process + "/proposals/" + proposal;
    }

    private static TestClient.Response post(String path, Map<String, String> form) {
        officer.get(base(park) + "/delivery");
        return officer.post(path, form);
    }

    @Test
    void progressIsAWholePercentageShownAsABarWithItsText() throws Exception {
        assertThat(post(base(park) + "/delivery", Map.of("status", "in_progress", "progress", "40", "note", "Ground cleared.")).status()).isEqualTo(302);
        String page = app.client().get(base(park)).body();
        assertThat(page).contains("id=\"delivery-progress\"").contains("<progress max=\"100\" value=\"40\" aria-hidden=\"true\"></progress> <span>40% done</span>")
                .contains(">In progress<");
        long updates = app.count("SELECT count(*) FROM budget_delivery_updates WHERE proposal_id = " + park);
        for (String bad : new String[]{"140", "-1", "forty", "4.5"}) {
            TestClient.Response refused = post(base(park) + "/delivery", Map.of("status", "in_progress", "progress", bad, "note", ""));
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.body()).contains("Enter the progress as a whole number from 0 to 100").contains("href=\"#progress\"");
        }
        assertThat(post(base(park) + "/delivery", Map.of("status", "done", "progress", "50", "note", "")).body())
                .contains("A delivered project is 100% done");
        assertThat(app.count("SELECT count(*) FROM budget_delivery_updates WHERE proposal_id = " + park)).as("nothing stored").isEqualTo(updates);
        assertThat(post(base(library) + "/delivery", Map.of("status", "done", "progress", "", "note", "Opened by the mayor.")).status()).isEqualTo(302);
        assertThat(app.client().get(base(library)).body()).contains("100% done").contains(">Delivered<");
        TestClient.Response notSelected = post(base(lamps) + "/delivery", Map.of("status", "in_progress", "progress", "10", "note", ""));
        assertThat(notSelected.status()).as("a project not selected has no delivery").isEqualTo(409);
        assertThat(notSelected.body()).contains("Only projects funded in published results have a delivery");
        assertThat(app.count("SELECT count(*) FROM budget_delivery_updates WHERE proposal_id = " + lamps)).isZero();

        String overview = app.client().get("/budgets/" + process).body();
        assertThat(overview).contains("Delivery of the selected projects").contains("2 projects were selected; 1 is delivered so far.")
                .contains("id=\"overall-progress\"").contains("<span>70% done</span>").contains("Pocket park").doesNotContain("Far too many lamps");
        var openData = new ObjectMapper().readTree(app.client().get("/open-data/budget-proposals.json").body());
        for (var row : openData) {
            if (row.get("id").asLong() == park) {
                assertThat(row.get("delivery_status").asText()).isEqualTo("in_progress");
                assertThat(row.get("delivery_progress").asInt()).isEqualTo(40);
            }
            if (row.get("id").asLong() == lamps) assertThat(row.get("delivery_status").isNull()).isTrue();
        }
        assertThat(app.client().get("/open-data/budget-proposals.csv").body().lines().findFirst().orElseThrow())
                .contains("selected,delivery_status,delivery_progress");
        assertThat(fan.get("/notifications").body()).contains("is under way, 40% done. Ground cleared.");
    }

    @Test
    void milestonesAreListedByDateWithOverdueOnesMarkedAndCanBeChangedAndMarkedDone() {
        LocalDate today = LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
        assertThat(post(base(park) + "/milestones", Map.of("milestoneTitle", "Benches installed", "plannedOn", today.plusMonths(2).toString(),
                "doneOn", "", "milestoneDescription", "")).status()).isEqualTo(302);
        assertThat(post(base(park) + "/milestones", Map.of("milestoneTitle", "Planning permission", "plannedOn", today.minusDays(10).toString(),
                "doneOn", "", "milestoneDescription", "Submitted to the planning committee.")).status()).isEqualTo(302);
        long count = app.count("SELECT count(*) FROM budget_milestones");
        TestClient.Response noTitle = post(base(park) + "/milestones", Map.of("milestoneTitle", " ", "plannedOn", "31/02/2026", "doneOn",
                today.plusDays(3).toString(), "milestoneDescription", ""));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("Enter the milestone").contains("Enter a date like 2026-05-31").contains("The date done cannot be in the future");
        assertThat(app.count("SELECT count(*) FROM budget_milestones")).isEqualTo(count);

        String page = app.client().get(base(park)).body();
        assertThat(page.indexOf("Planning permission")).as("by planned date").isLessThan(page.indexOf("Benches installed"));
        assertThat(page.substring(page.indexOf("Planning permission"), page.indexOf("Benches installed"))).contains("Overdue");

        long permission = app.count("SELECT id FROM budget_milestones WHERE title = 'Planning permission'");
        assertThat(officer.get(base(park) + "/milestones/" + permission + "/edit").body()).contains("value=\"Planning permission\"");
        assertThat(officer.post(base(park) + "/milestones/" + permission, Map.of("milestoneTitle", "Planning permission granted",
                "plannedOn", today.minusDays(10).toString(), "doneOn", "", "milestoneDescription", "")).status()).isEqualTo(302);
        officer.get(base(park) + "/delivery");
        assertThat(officer.post(base(park) + "/milestones/" + permission + "/done", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM budget_milestones WHERE id = " + permission + " AND done_on = CURRENT_DATE")).isEqualTo(1);
        String after = app.client().get(base(park)).body();
        String item = after.substring(after.indexOf("Planning permission granted"), after.indexOf("Benches installed"));
        assertThat(item).contains("Done").doesNotContain("Overdue");
        officer.get(base(park) + "/delivery");
        assertThat(officer.post(base(park) + "/milestones/" + permission + "/done", Map.of()).status()).as("already done").isEqualTo(409);
        assertThat(officer.post(base(library) + "/milestones/" + permission + "/done", Map.of()).status()).as("another project's milestone").isEqualTo(404);
        assertThat(app.signedInAs("resident").post(base(park) + "/milestones", Map.of("milestoneTitle", "x", "plannedOn", today.toString())).status())
                .isEqualTo(403);
        assertThat(fan.get("/notifications").body()).contains("Pocket park").contains("is done (" + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(today) + "): Planning permission granted");
    }

    @Test
    void photosAreCheckedByTheirBytesNeedAltTextAndAreServedWithTheirOwnType() throws Exception {
        byte[] png = DemoDelivery.png(40, 30);
        officer.get(base(park) + "/delivery");
        TestClient.Response added = Multipart.post(app, officer, base(park) + "/photos", Map.of("photoAlt", "The new gate, painted green"), "photo", "gate.png", png);
        assertThat(added.status()).isEqualTo(302);
        long photo = app.count("SELECT max(id) FROM budget_delivery_photos WHERE proposal_id = " + park);
        String page = app.client().get(base(park)).body();
        assertThat(page).contains("src=\"" + base(park) + "/photos/" + photo + "\" alt=\"The new gate, painted green\"");
        TestClient.Response served = app.client().get(base(park) + "/photos/" + photo);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Cache-Control")).contains("max-age");
        assertThat(app.client().get(base(library) + "/photos/" + photo).status()).as("another project's path").isEqualTo(404);

        long photos = app.count("SELECT count(*) FROM budget_delivery_photos");
        TestClient.Response gif = Multipart.post(app, officer, base(park) + "/photos", Map.of("photoAlt", "A gif"), "photo", "renamed.png", "GIF89a....".getBytes());
        assertThat(gif.status()).isEqualTo(422);
        assertThat(gif.body()).contains("The photo must be a JPEG, PNG or WebP image");
        TestClient.Response noAlt = Multipart.post(app, officer, base(park) + "/photos", Map.of("photoAlt", ""), "photo", "gate.png", png);
        assertThat(noAlt.status()).isEqualTo(422);
        assertThat(noAlt.body()).contains("Describe the photo for people who cannot see it");
        TestClient.Response big = Multipart.post(app, officer, base(park) + "/photos", Map.of("photoAlt", "Huge"), "photo", "big.png",
                new byte[org.commonweal.platform.core.http.Photo.MAX_BYTES + 1]);
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.body()).contains("The photo must be 5 MB or smaller");
        assertThat(app.count("SELECT count(*) FROM budget_delivery_photos")).as("nothing stored").isEqualTo(photos);
        assertThat(Multipart.post(app, app.signedInAs("resident"), base(park) + "/photos", Map.of("photoAlt", "x"), "photo", "gate.png", png).status())
                .isEqualTo(403);
        assertThat(fan.get("/notifications").body()).contains("A new photo of").contains(": The new gate, painted green");

        officer.get(base(park) + "/delivery");
        assertThat(officer.post(base(park) + "/photos/" + photo + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get(base(park) + "/photos/" + photo).status()).isEqualTo(404);
    }

    @Test
    void theOfficersDeliveryPageIsOnlyForSelectedProjects() {
        assertThat(officer.get(base(park) + "/delivery").body()).contains("Delivery: Pocket park").contains("Add a milestone").contains("Add the photo");
        assertThat(officer.get(base(lamps) + "/delivery").status()).isEqualTo(409);
        assertThat(app.client().get(base(park)).body()).doesNotContain("/delivery\"");
    }
}
