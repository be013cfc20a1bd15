package org.commonweal.platform.budgets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.search.SearchHit;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Budget proposals are found by the site-wide search while live, leave it when withdrawn, and are open data. */
class ProposalsInSearchAndOpenDataTest extends PlatformTestCase {
    @Test
    void aProposalIsSearchableASubjectAndInTheOpenData() throws Exception {
        BudgetSetup setup = new BudgetSetup(app);
        TestClient officer = app.client();
        officer.signIn("officer@demo.commonweal.org", "demo-officer-pass");
        long process = setup.createProcess(officer, "Search budget", "Riverford City Council");
        long pot = setup.addPot(officer, process, "Pot", "Riverford City Council", "50000", "approval", java.util.Map.of());
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient resident = setup.resident("searcher@example.org", "Riverford City Council");
        long id = setup.propose(resident, process, pot, "Xylophone verges, =1+1", "2000", "Riverford City Council");

        var hits = app.platform.search.search(new SearchIndex.Query("xylophones", Set.of("proposal"), null, 1)).hits();
        assertThat(hits).extracting(SearchHit::url).containsExactly("/budgets/" + process + "/proposals/" + id);
        assertThat(app.platform.subjects.find(new Subject("proposal", id))).hasValueSatisfying(s -> {
            assertThat(s.title()).isEqualTo("Xylophone verges, =1+1");
            assertThat(s.open()).isTrue();
        });

        String csv = app.client().get("/open-data/budget-proposals.csv").body();
        assertThat(csv).contains("\"Xylophone verges, =1+1\"").contains(",2000.00,");
        JsonNode json = new ObjectMapper().readTree(app.client().get("/open-data/budget-proposals.json").body());
        JsonNode row = null;
        for (JsonNode n : json) if (n.get("id").asLong() == id) row = n;
        assertThat(row).isNotNull();
        assertThat(row.get("estimated_cost").decimalValue()).isEqualByComparingTo("2000");
        assertThat(row.get("status").asText()).isEqualTo("submitted");

        resident.get("/budgets/" + process + "/proposals/" + id);
        assertThat(resident.post("/budgets/" + process + "/proposals/" + id + "/withdraw", java.util.Map.of()).status()).isEqualTo(302);
        assertThat(app.platform.search.search(new SearchIndex.Query("xylophones", Set.of("proposal"), null, 1)).hits()).isEmpty();
        assertThat(app.platform.subjects.find(new Subject("proposal", id))).hasValueSatisfying(s -> assertThat(s.open()).isFalse());
    }
}
