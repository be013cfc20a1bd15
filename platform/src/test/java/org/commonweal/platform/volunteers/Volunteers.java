package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.groups.GroupsFeature;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Test people: an account with a role in a group, signed in, and a volunteer profile saved through the page. */
final class Volunteers {
    static final String PASSWORD = "volunteer-test-pass";

    private Volunteers() {
    }

    static long account(TestApp app, String name) {
        return app.platform.accounts.createConfirmed(name.toLowerCase().replace(' ', '.') + "@example.org", name, PASSWORD, Set.of(), null);
    }

    static long withRole(TestApp app, String name, long groupId, String role) {
        long id = account(app, name);
        Groups groups = app.platform.feature(GroupsFeature.class).groups();
        groups.addMember(groupId, id, role, false, Actor.SYSTEM);
        return id;
    }

    static TestClient client(TestApp app, String name) {
        TestClient c = app.client();
        c.signIn(name.toLowerCase().replace(' ', '.') + "@example.org", PASSWORD);
        return c;
    }

    /** Saves a profile volunteering with the group; returns the volunteer's id. */
    static long profile(TestApp app, TestClient client, long accountId, long groupId) {
        client.get(ProfileRoutes.PATH);
        Map<String, String> form = VolunteerProfileTest.profileForm();
        form.put("groups", String.valueOf(groupId));
        TestClient.Response r = client.post(ProfileRoutes.PATH, form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return app.platform.feature(VolunteersFeature.class).volunteers().ofAccount(accountId).orElseThrow().id();
    }

    static long group(TestApp app, String name) {
        return app.count("SELECT id FROM groups WHERE name = '" + name + "'");
    }
}
