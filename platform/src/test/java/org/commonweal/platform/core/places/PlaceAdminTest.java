package org.commonweal.platform.core.places;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceAdminTest extends PlatformTestCase {

    private static Place named(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anAdminBuildsTheTreeCouncilWardNeighbourhoodWithGssCodes() {
        TestClient admin = app.signedInAs("admin");
        admin.get("/admin/places");
        assertThat(admin.post("/admin/places", Map.of("name", "Northshire County Council", "gssCode", "e10000099", "parent", "")).status()).isEqualTo(302);
        Place council = named("Northshire County Council");
        assertThat(council.kind()).isEqualTo("council");
        assertThat(council.gssCode()).isEqualTo("E10000099");
        admin.get("/admin/places");
        admin.post("/admin/places", Map.of("name", "Abbey", "gssCode", "", "parent", String.valueOf(council.id())));
        Place ward = named("Abbey");
        assertThat(ward.kind()).isEqualTo("ward");
        admin.get("/admin/places");
        admin.post("/admin/places", Map.of("name", "Abbey Fields", "gssCode", "", "parent", String.valueOf(ward.id())));
        assertThat(named("Abbey Fields").kind()).isEqualTo("neighbourhood");
        admin.get("/admin/places");
        TestClient.Response tooDeep = admin.post("/admin/places", Map.of("name", "Deeper", "gssCode", "", "parent", String.valueOf(named("Abbey Fields").id())));
        assertThat(tooDeep.status()).isEqualTo(422);
        assertThat(tooDeep.body()).contains("Choose a council or ward to put this place in");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'place.created' AND actor_id IS NOT NULL"
                + " AND (detail LIKE '%Northshire County Council' OR detail LIKE '%Abbey' OR detail LIKE '%Abbey Fields')")).isEqualTo(3);
        String publicPage = app.client().get("/places").body();
        assertThat(publicPage).contains("Northshire County Council").contains("E10000099").contains("Abbey Fields");
    }

    @Test
    void badPlaceInputIsNamedAtItsFieldAndNothingIsSaved() {
        TestClient admin = app.signedInAs("admin");
        long before = app.count("SELECT count(*) FROM places");
        admin.get("/admin/places");
        TestClient.Response r = admin.post("/admin/places", Map.of("name", "", "gssCode", "X123", "parent", "not-a-number"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("<a href=\"#name\">Enter the name of the place</a>")
                .contains("<a href=\"#gssCode\">Enter a GSS code as a letter and 8 digits")
                .contains("<a href=\"#parent\">Choose a council or ward");
        long riverside = named("Riverside").parentId();
        r = admin.post("/admin/places", Map.of("name", "riverside", "gssCode", "", "parent", String.valueOf(riverside)));
        assertThat(r.body()).contains("A place with this name already exists here");
        assertThat(app.count("SELECT count(*) FROM places")).isEqualTo(before);
    }

    @Test
    void aPlaceIsRenamedAndAPlaceWithChildrenCannotBeDeleted() {
        TestClient admin = app.signedInAs("admin");
        Place ward = named("Hillcrest");
        admin.get("/admin/places/" + ward.id());
        assertThat(admin.post("/admin/places/" + ward.id(), Map.of("name", "Hillcrest and Beacon", "gssCode", "")).status()).isEqualTo(302);
        assertThat(app.platform.places.find(ward.id()).orElseThrow().name()).isEqualTo("Hillcrest and Beacon");
        admin.get("/admin/places");
        TestClient.Response r = admin.post("/admin/places/" + ward.id() + "/delete", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("cannot be deleted");
        Place used = named("Tanners Green");
        TestClient.Response inUse = admin.post("/admin/places/" + used.id() + "/delete", Map.of());
        assertThat(inUse.status()).as("the demo's problems and events are in Tanners Green").isEqualTo(409);
        assertThat(inUse.body()).contains("budgets, proposals, problems, consultations or events belong to it");
        assertThat(app.platform.places.find(used.id())).isPresent();
        admin.get("/admin/places");
        assertThat(admin.post("/admin/places", Map.of("name", "Empty Close", "gssCode", "", "parent", String.valueOf(ward.id()))).status()).isEqualTo(302);
        Place leaf = named("Empty Close");
        admin.get("/admin/places");
        assertThat(admin.post("/admin/places/" + leaf.id() + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(app.platform.places.find(leaf.id())).isEmpty();
        assertThat(admin.get("/admin/places/999999").status()).isEqualTo(404);
        assertThat(admin.get("/admin/places/abc").status()).isEqualTo(404);
    }
}
