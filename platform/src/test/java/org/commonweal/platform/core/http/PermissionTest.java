package org.commonweal.platform.core.http;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin pages refuse everyone without the admin role, and admins manage roles. Every state-changing route, admin ones
 * included, is checked for every persona (and that a refusal stores nothing) by {@link PermissionMatrixTest}.
 */
class PermissionTest extends PlatformTestCase {
    static long residentId;
    static long wardId;

    @BeforeAll
    static void prepare() {
        residentId = app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().id();
        wardId = app.platform.places.tree().stream().filter(p -> p.kind().equals("ward")).findFirst().orElseThrow().id();
    }

    static List<String> adminPages() {
        return List.of("/admin", "/admin/users", "/admin/users/" + residentId, "/admin/places", "/admin/places/" + wardId, "/admin/audit", "/admin/outbox");
    }

    static Stream<String> nonAdminRoles() {
        return Stream.of("resident", "organiser", "officer", "moderator");
    }

    @ParameterizedTest
    @MethodSource("nonAdminRoles")
    void usersWithoutTheAdminRoleAreRefusedEveryAdminPage(String role) {
        TestClient c = app.signedInAs(role);
        for (String path : adminPages()) {
            TestClient.Response r = c.get(path);
            assertThat(r.status()).as("%s GET %s", role, path).isEqualTo(403);
            assertThat(r.body()).contains("You cannot see this page");
        }
    }

    @Test
    void visitorsAreSentToSignInFromAdminAndAccountPages() {
        TestClient c = app.client();
        for (String path : Stream.concat(adminPages().stream(), Stream.of("/account", "/account/export", "/account/delete")).toList()) {
            TestClient.Response r = c.get(path);
            assertThat(r.status()).as("GET %s", path).isEqualTo(302);
            assertThat(r.location()).startsWith("/sign-in?next=");
        }
    }

    @Test
    void anAdminCanUseEveryAdminPage() {
        TestClient c = app.signedInAs("admin");
        for (String path : adminPages()) assertThat(c.get(path).status()).as("GET %s", path).isEqualTo(200);
    }

    @Test
    void anAdminGrantsAndRemovesRolesAndTheChangeIsAudited() {
        TestClient admin = app.signedInAs("admin");
        admin.get("/admin/users/" + residentId);
        assertThat(admin.post("/admin/users/" + residentId + "/roles", Map.of("role", "officer")).status()).isEqualTo(302);
        assertThat(app.platform.accounts.find(residentId).orElseThrow().roles()).containsExactly(Role.OFFICER);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'account.roles_changed' AND subject = 'account:" + residentId + "'"))
                .isEqualTo(1);
        admin.get("/admin/users/" + residentId);
        assertThat(admin.post("/admin/users/" + residentId + "/roles", Map.of()).status()).isEqualTo(302);
        assertThat(app.platform.accounts.find(residentId).orElseThrow().roles()).isEmpty();
    }

    @Test
    void theLastAdminCannotRemoveTheirOwnAdminRole() {
        TestClient admin = app.signedInAs("admin");
        long adminId = app.platform.accounts.findByEmail("admin@demo.commonweal.org").orElseThrow().id();
        admin.get("/admin/users/" + adminId);
        TestClient.Response r = admin.post("/admin/users/" + adminId + "/roles", Map.of("role", "officer"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("must keep at least one admin");
        assertThat(app.platform.accounts.find(adminId).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void anUnknownRoleIsRefusedAsBadInput() {
        TestClient admin = app.signedInAs("admin");
        admin.get("/admin/users/" + residentId);
        assertThat(admin.post("/admin/users/" + residentId + "/roles", Map.of("role", "superuser")).status()).isEqualTo(400);
    }
}
