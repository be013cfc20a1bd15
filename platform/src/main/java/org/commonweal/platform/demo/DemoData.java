package org.commonweal.platform.demo;

import org.commonweal.platform.Platform;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.places.PlaceService;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fictional city council with wards, neighbourhoods and one account per role, loaded once into an empty database,
 * followed by each feature's demo data, in the order of the feature list.
 */
public final class DemoData {
    /** A demo sign-in printed at start-up. */
    public record Login(String role, String email, String password) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("admin", "admin@demo.commonweal.org", "demo-admin-pass"),
            new Login("officer", "officer@demo.commonweal.org", "demo-officer-pass"),
            new Login("moderator", "moderator@demo.commonweal.org", "demo-moderator-pass"),
            new Login("organiser", "organiser@demo.commonweal.org", "demo-organiser-pass"),
            new Login("resident", "amira@demo.commonweal.org", "demo-resident-pass"),
            new Login("resident", "ben@demo.commonweal.org", "demo-resident-pass"),
            new Login("resident", "chidi@demo.commonweal.org", "demo-resident-pass"));

    private static final Map<String, List<String>> WARDS = new LinkedHashMap<>();

    static {
        WARDS.put("Northgate", List.of("Castle Hill", "Mill Lane"));
        WARDS.put("Riverside", List.of("Quayside", "Old Wharf", "Ferry Row"));
        WARDS.put("Eastfield", List.of("Orchard Park", "Station Road"));
        WARDS.put("Hillcrest", List.of("Beacon Rise", "Tanners Green"));
    }

    private DemoData() {
    }

    /**
     * Loads the places and accounts, then each feature's own demo data through its services.
     * @param say where lines for the person starting the demo go (such as past budgets that could not be imported)
     * @return true when it loaded the data, false when the database already had places
     */
    public static boolean loadIfEmpty(Platform platform, Consumer<String> say) {
        PlaceService places = platform.places;
        AccountService accounts = platform.accounts;
        if (!places.tree().isEmpty()) {
            if ("loading".equals(state(platform))) {
                say.accept("The demo data is only partly loaded: the start that was loading it stopped part way. To start afresh, stop Commonweal, "
                        + "delete its data directory (" + platform.config.dataDir().toAbsolutePath() + ") and run ./commonweal demo again.");
            }
            return false;
        }
        // Each feature loads through its own services and transactions, so an interrupted load cannot be rolled back
        // as one; it is marked instead, so that the next start says so rather than serving half a demo in silence.
        setState(platform, "loading");
        long council = create(places, "Riverford City Council", "E06000901", null);
        int ward = 0;
        Map<String, Long> neighbourhoods = new LinkedHashMap<>();
        for (var e : WARDS.entrySet()) {
            ward++;
            long wardId = create(places, e.getKey(), "E0501%04d".formatted(9000 + ward), council);
            for (String n : e.getValue()) neighbourhoods.put(n, create(places, n, null, wardId));
        }
        List<Long> homes = List.copyOf(neighbourhoods.values());
        String[] names = {"Ada Admin", "Olu Officer", "Mo Moderator", "Orla Organiser", "Amira Hassan", "Ben Carter", "Chidi Okafor"};
        Map<String, List<Long>> byRole = new LinkedHashMap<>();
        for (int i = 0; i < LOGINS.size(); i++) {
            Login l = LOGINS.get(i);
            Set<Role> roles = l.role().equals("resident") ? EnumSet.noneOf(Role.class) : EnumSet.of(Role.fromStored(l.role()));
            long id = accounts.createConfirmed(l.email(), names[i], l.password(), roles, homes.get(i % homes.size()));
            byRole.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(id);
        }
        residence(platform, byRole.get("officer").get(0), byRole.get("resident"));
        platform.loadDemo(new DemoContext(byRole.get("admin").get(0), byRole.get("officer").get(0), byRole.get("moderator").get(0),
                byRole.get("organiser").get(0), byRole.get("resident"), platform.config.sharedData(), say));
        setState(platform, "loaded");
        return true;
    }

    /**
     * Amira's home was verified at a desk (she can vote where only verified residents may); Ben's is not verified; Chidi
     * asked for a letter, waiting in the officer's next print batch.
     */
    private static void residence(Platform platform, long officer, List<Long> residents) {
        var residence = platform.accounts.residence();
        long amira = residents.get(0);
        long amiraHome = platform.accounts.find(amira).orElseThrow().homePlaceId();
        if (residence.verifyAtDesk(amira, amiraHome, "council-tax", new Actor(officer, "demo", "demo-data")).isPresent()) {
            throw new IllegalStateException("demo desk verification refused");
        }
        long chidi = residents.get(2);
        Form letter = Form.empty().set("line1", "14 Station Road").set("town", "Riverford").set("postcode", "RV4 7QS");
        if (!residence.requestLetter(chidi, platform.accounts.find(chidi).orElseThrow().homePlaceId(), letter, new Actor(chidi, "demo", "demo-data"))) {
            throw new IllegalStateException("demo letter request: " + letter.errors());
        }
    }

    private static String state(Platform platform) {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT value FROM settings WHERE key = 'demo_data'")
                .mapTo(String.class).findOne().orElse(null));
    }

    private static void setState(Platform platform, String state) {
        platform.database().jdbi().useHandle(h -> h.createUpdate(
                "INSERT INTO settings (key, value) VALUES ('demo_data', :s) ON CONFLICT (key) DO UPDATE SET value = excluded.value").bind("s", state).execute());
    }

    private static long create(PlaceService places, String name, String gss, Long parent) {
        Form form = Form.empty().set("name", name).set("gssCode", gss == null ? "" : gss).set("parent", parent == null ? "" : parent.toString());
        return places.create(form, Actor.SYSTEM).orElseThrow(() -> new IllegalStateException("demo place " + name + ": " + form.errors()));
    }
}
