package org.commonweal.platform.core.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.LocalPath;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.SessionStore;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.util.Map;
import java.util.Optional;

/** A resident's own account: register, confirm, sign in and out, reset, profile, export, delete. */
public final class AccountRoutes implements Routes {
    private final Web web;
    private final AccountService accounts;
    private final SessionStore sessions;
    private final PlaceService places;
    private final RateLimiter limiter;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the demo lets a newcomer read the mail just queued for them; null where mail is really sent. */
    private final org.commonweal.platform.core.mail.DemoMailbox demoMail;

    public AccountRoutes(Web web, AccountService accounts, SessionStore sessions, PlaceService places, RateLimiter limiter,
                         org.commonweal.platform.core.mail.DemoMailbox demoMail) {
        this.demoMail = demoMail;
        this.web = web;
        this.accounts = accounts;
        this.sessions = sessions;
        this.places = places;
        this.limiter = limiter;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/register", ctx -> showRegister(ctx, Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.post("/register", this::register, Access.PUBLIC, Role.ANYONE);
        r.get("/account/confirm/{token}", this::confirm, Access.SECRET, Role.ANYONE);
        r.post("/account/confirm-again", this::confirmAgain, Access.SELF, Role.RESIDENT);
        r.get("/sign-in", ctx -> showSignIn(ctx, Form.of(Map.of("next", afterSignIn(ctx.queryParam("next"))))), Access.PUBLIC, Role.ANYONE);
        r.post("/sign-in", this::signIn, Access.PUBLIC, Role.ANYONE);
        r.post("/sign-out", this::signOut, Access.SELF, Role.RESIDENT);
        r.get("/forgot-password", ctx -> web.render(ctx, "accounts/forgot.jte", web.page(ctx, "forgot.title"), "form", Form.empty(), "sent", false, "demoMail", demoMail != null), Access.PUBLIC, Role.ANYONE);
        r.post("/forgot-password", this::forgot, Access.PUBLIC, Role.ANYONE);
        r.get("/account/reset/{token}", this::showReset, Access.SECRET, Role.ANYONE);
        r.post("/account/reset/{token}", this::reset, Access.SECRET, Role.ANYONE);
        r.get("/account", ctx -> showProfile(ctx, null, null, null, null), Access.SELF, Role.RESIDENT);
        r.post("/account", this::updateProfile, Access.SELF, Role.RESIDENT);
        r.post("/account/password", this::changePassword, Access.SELF, Role.RESIDENT);
        r.get("/account/export", this::export, Access.SELF, Role.RESIDENT);
        r.get("/account/delete", ctx -> web.render(ctx, "accounts/delete.jte", web.page(ctx, "delete.title"), "form", Form.empty()), Access.SELF, Role.RESIDENT);
        r.post("/account/delete", this::delete, Access.SELF, Role.RESIDENT);
    }

    private void showRegister(Context ctx, Form form) {
        web.render(ctx, "accounts/register.jte", web.page(ctx, "register.title"), "form", form);
    }

    private void register(Context ctx) {
        limiter.consume(RateLimiter.REGISTER_PER_IP, ctx.ip());
        Form form = Form.read(ctx, "name", "email", "password", "passwordConfirm");
        if (!accounts.register(form, web.actor(ctx))) {
            ctx.status(422);
            form.set("password", "").set("passwordConfirm", "");
            showRegister(ctx, form);
            return;
        }
        // Not signed in: a new address and one that already has an account must get the same answer.
        if (demoMail != null) demoMail.remember(ctx, form.value("email"));
        web.redirectWithNotice(ctx, "/sign-in", "register.done");
    }

    private void confirm(Context ctx) {
        boolean ok = accounts.confirmEmail(ctx.pathParam("token"), web.actor(ctx));
        if (!ok) ctx.status(400);
        web.render(ctx, "accounts/confirmed.jte", web.page(ctx, ok ? "confirm.done.title" : "confirm.failed.title"), "ok", ok);
    }

    private void confirmAgain(Context ctx) {
        limiter.consume(RateLimiter.EMAIL_PER_IP, ctx.ip());
        accounts.resendConfirmation(web.requireUser(ctx).id());
        web.redirectWithNotice(ctx, "/account", "confirm.resent");
    }

    private void showSignIn(Context ctx, Form form) {
        web.render(ctx, "accounts/sign-in.jte", web.page(ctx, "signIn.title"), "form", form, "demoMail", demoMail != null);
    }

    private void signIn(Context ctx) {
        Form form = Form.read(ctx, "email", "password", "next");
        String email = form.value("email").strip().toLowerCase(java.util.Locale.ROOT);
        limiter.consume(RateLimiter.SIGN_IN_PER_IP, ctx.ip());
        limiter.check(RateLimiter.SIGN_IN_FAILURES_PER_IP, ctx.ip());
        if (!email.isEmpty()) limiter.consume(RateLimiter.SIGN_IN_PER_ACCOUNT, email);
        if (email.isEmpty()) form.error("email", "error.email.required");
        if (form.value("password").isEmpty()) form.error("password", "error.password.required");
        Optional<Account> account = form.hasErrors() ? Optional.empty() : accounts.authenticate(email, form.value("password"), web.actor(ctx));
        if (account.isEmpty()) {
            limiter.record(RateLimiter.SIGN_IN_FAILURES_PER_IP, ctx.ip());
            if (!form.hasErrors()) form.error("email", "error.signIn.failed");
            form.set("password", "");
            ctx.status(401);
            showSignIn(ctx, form);
            return;
        }
        signInAs(ctx, account.get().id());
        web.redirectWithNotice(ctx, afterSignIn(form.value("next")), "signIn.done");
    }

    /** Rotates the session id at sign-in: any session cookie the visitor had before is discarded. */
    private void signInAs(Context ctx, long accountId) {
        sessions.delete(ctx.cookie("cw_session"));
        web.startSession(ctx, sessions.create(accountId));
    }

    private void signOut(Context ctx) {
        sessions.delete(ctx.cookie("cw_session"));
        web.endSession(ctx);
        web.redirectWithNotice(ctx, "/", "signOut.done");
    }

    private void forgot(Context ctx) {
        limiter.consume(RateLimiter.EMAIL_PER_IP, ctx.ip());
        Form form = Form.read(ctx, "email");
        if (form.value("email").isBlank()) {
            form.error("email", "error.email.required");
            ctx.status(422);
            web.render(ctx, "accounts/forgot.jte", web.page(ctx, "forgot.title"), "form", form, "sent", false, "demoMail", demoMail != null);
            return;
        }
        accounts.requestPasswordReset(form.value("email"), web.actor(ctx));
        if (demoMail != null) demoMail.remember(ctx, form.value("email"));
        web.render(ctx, "accounts/forgot.jte", web.page(ctx, "forgot.title"), "form", form, "sent", true, "demoMail", demoMail != null);
    }

    private void showReset(Context ctx) {
        boolean live = accounts.resetTokenIsLive(ctx.pathParam("token"));
        if (!live) ctx.status(400);
        web.render(ctx, "accounts/reset.jte", web.page(ctx, "reset.title"), "form", Form.empty(), "live", live, "token", ctx.pathParam("token"));
    }

    private void reset(Context ctx) {
        Form form = Form.read(ctx, "password", "passwordConfirm");
        if (!accounts.resetPassword(ctx.pathParam("token"), form, web.actor(ctx))) {
            ctx.status(422);
            boolean live = accounts.resetTokenIsLive(ctx.pathParam("token"));
            web.render(ctx, "accounts/reset.jte", web.page(ctx, "reset.title"), "form", form.set("password", "").set("passwordConfirm", ""),
                    "live", live, "token", ctx.pathParam("token"));
            return;
        }
        web.redirectWithNotice(ctx, "/sign-in", "reset.done");
    }

    /**
     * The account page. {@code code} is the letter-code form when it was just refused; {@code confirmPlace} the name of the
     * home place the resident chose when changing to it would drop their verification, to confirm first.
     */
    void showProfile(Context ctx, Form profile, Form password, Form code, String confirmPlace) {
        CurrentUser user = web.requireUser(ctx);
        Form p = profile != null ? profile : Form.empty().set("name", user.name())
                .set("homePlace", user.homePlaceId() == null ? "" : user.homePlaceId().toString());
        Residence residence = accounts.residence();
        var verification = residence.verifiedHome(user.id()).orElse(null);
        web.render(ctx, "accounts/profile.jte", web.page(ctx, "profile.title"), "form", p,
                "passwordForm", password != null ? password : Form.empty(), "places", places.tree(),
                "verification", verification, "verifiedPlace", verification == null ? null : places.find(verification.placeId()).map(pl -> pl.name()).orElse(null),
                "letter", residence.letter(user.id()).orElse(null), "codeForm", code != null ? code : Form.empty(), "confirmPlace", confirmPlace);
    }

    /**
     * Saves name and home place. Moving away from a verified home (or one a letter is on its way to) drops the verification,
     * so the page asks first, saving nothing, unless the form carries the resident's confirmation.
     */
    private void updateProfile(Context ctx) {
        Form form = Form.read(ctx, "name", "homePlace", "dropVerification");
        CurrentUser user = web.requireUser(ctx);
        String chosen = form.value("homePlace").strip();
        boolean moving = !chosen.equals(user.homePlaceId() == null ? "" : user.homePlaceId().toString());
        if (moving && !"yes".equals(form.value("dropVerification"))
                && (accounts.residence().verifiedHome(user.id()).isPresent() || accounts.residence().letter(user.id()).isPresent())) {
            // An unknown place is not confirmed but refused, by the save below.
            String name = chosen.isEmpty() ? web.messages().get("profile.homePlace.none")
                    : chosen.matches("[0-9]{1,18}") ? places.find(Long.parseLong(chosen)).map(pl -> pl.name()).orElse(null) : null;
            if (name != null) {
                showProfile(ctx, form, null, null, name);
                return;
            }
        }
        if (!accounts.updateProfile(user.id(), form, web.actor(ctx))) {
            ctx.status(422);
            showProfile(ctx, form, null, null, null);
            return;
        }
        web.redirectWithNotice(ctx, "/account", "profile.saved");
    }

    private void changePassword(Context ctx) {
        Form form = Form.read(ctx, "currentPassword", "password", "passwordConfirm");
        if (!accounts.changePassword(web.requireUser(ctx).id(), ctx.cookie("cw_session"), form, web.actor(ctx))) {
            ctx.status(422);
            showProfile(ctx, null, form.set("currentPassword", "").set("password", "").set("passwordConfirm", ""), null, null);
            return;
        }
        web.redirectWithNotice(ctx, "/account", "password.changed");
    }

    private void export(Context ctx) throws Exception {
        ctx.header("Content-Disposition", "attachment; filename=\"commonweal-my-data.json\"");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(json.writeValueAsString(accounts.export(web.requireUser(ctx).id())));
    }

    private void delete(Context ctx) {
        Form form = Form.read(ctx, "password");
        if (!accounts.delete(web.requireUser(ctx).id(), form, web.actor(ctx))) {
            ctx.status(422);
            web.render(ctx, "accounts/delete.jte", web.page(ctx, "delete.title"), "form", form.set("password", ""));
            return;
        }
        web.endSession(ctx);
        web.redirectWithNotice(ctx, "/", "delete.done");
    }


    /** Only same-site paths, so a crafted link cannot bounce a fresh sign-in to another site. */
    private static String afterSignIn(String next) {
        return LocalPath.of(next).orElse("/");
    }
}
