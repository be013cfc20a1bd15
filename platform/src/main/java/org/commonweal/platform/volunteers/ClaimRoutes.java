package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.http.Web;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * A person a group imported claims their volunteer record with the link mailed to them: signed in with the address it
 * went to, the record becomes theirs (or, when they already have a profile, its groups and induction join that profile
 * and the imported record goes). The link works once.
 */
final class ClaimRoutes implements Routes {
    static final String PATH = "/volunteer/claim/";
    private static final Web.Closed SPENT = new Web.Closed("volunteers.claim.closed.title", "volunteers.claim.closed.body");

    record Claimable(long id, String name, String email) {
    }

    private final Web web;
    private final Jdbi jdbi;
    private final AuditLog audit;

    ClaimRoutes(Web web, Jdbi jdbi, AuditLog audit) {
        this.web = web;
        this.jdbi = jdbi;
        this.audit = audit;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH + "{token}", this::show, Access.SECRET, Role.RESIDENT);
        r.post(PATH + "{token}", this::claim, Access.SECRET, Role.RESIDENT);
    }

    private Optional<Claimable> claimable(String token) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, display_name, email FROM volunteers
                        WHERE claim_token_hash = :t AND account_id IS NULL AND claim_expires_at > now()""").bind("t", Secrets.sha256(token))
                .map((rs, c) -> new Claimable(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"))).findOne());
    }

    private void show(Context ctx) {
        Optional<Claimable> c = claimable(ctx.pathParam("token"));
        if (c.isEmpty()) {
            web.refuse(ctx, Refusal.CLOSED, () -> { }, SPENT);
            return;
        }
        CurrentUser user = web.requireUser(ctx);
        web.render(ctx, "volunteers/claim.jte", web.page(ctx, "volunteers.claim.title"), "name", c.get().name(),
                "matches", c.get().email() != null && c.get().email().equalsIgnoreCase(user.email()), "email", user.email());
    }

    private void claim(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        String hash = Secrets.sha256(ctx.pathParam("token"));
        Optional<Refusal> refused = jdbi.inTransaction(h -> {
            Optional<Long> imported = h.createQuery("""
                            SELECT id FROM volunteers WHERE claim_token_hash = :t AND account_id IS NULL AND claim_expires_at > now()
                              AND lower(email) = lower(:email) FOR UPDATE""").bind("t", hash).bind("email", user.email()).mapTo(Long.class).findOne();
            if (imported.isEmpty()) return Optional.of(Refusal.CLOSED);
            long id = imported.get();
            Optional<Long> own = h.createQuery("SELECT id FROM volunteers WHERE account_id = :a").bind("a", user.id()).mapTo(Long.class).findOne();
            if (own.isEmpty()) {
                h.createUpdate("UPDATE volunteers SET account_id = :a, claim_token_hash = NULL, claim_expires_at = NULL, updated_at = now() WHERE id = :v")
                        .bind("a", user.id()).bind("v", id).execute();
            } else {
                // One profile per person: the imported record's groups, induction and export ids join the one they have.
                h.createUpdate("INSERT INTO volunteer_groups (volunteer_id, group_id) SELECT :own, group_id FROM volunteer_groups WHERE volunteer_id = :v ON CONFLICT DO NOTHING")
                        .bind("own", own.get()).bind("v", id).execute();
                h.createUpdate("UPDATE volunteer_training SET volunteer_id = :own WHERE volunteer_id = :v").bind("own", own.get()).bind("v", id).execute();
                h.createUpdate("""
                                UPDATE volunteers o SET source = coalesce(o.source, i.source), external_check_ref = coalesce(o.external_check_ref, i.external_check_ref),
                                    external_check_level = coalesce(o.external_check_level, i.external_check_level),
                                    external_check_expires = coalesce(o.external_check_expires, i.external_check_expires)
                                FROM volunteers i WHERE o.id = :own AND i.id = :v""").bind("own", own.get()).bind("v", id).execute();
                String externalId = h.createQuery("SELECT external_id FROM volunteers WHERE id = :v").bind("v", id).mapTo(String.class).one();
                h.createUpdate("DELETE FROM volunteers WHERE id = :v").bind("v", id).execute();
                h.createUpdate("UPDATE volunteers SET external_id = coalesce(external_id, :e) WHERE id = :own").bind("e", externalId).bind("own", own.get()).execute();
            }
            audit.record(h, web.actor(ctx), "volunteer.claimed", "volunteer:" + own.orElse(id), "imported record " + id);
            return Optional.<Refusal>empty();
        });
        web.answer(ctx, refused, ProfileRoutes.PATH, "volunteers.notice.claimed", () -> { }, SPENT);
    }
}
