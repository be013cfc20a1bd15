package org.commonweal.platform.core.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.util.Optional;

/**
 * Verifying a home place: a resident asks for a letter and enters its code on the account page; officers print the
 * waiting letters in a batch and record proof of residence they saw at a desk.
 */
public final class ResidenceRoutes implements Routes {
    private final Web web;
    private final AccountService accounts;
    private final Residence residence;
    private final PlaceService places;
    private final RateLimiter limiter;
    private final AccountRoutes profile;
    private final String baseUrl;

    public ResidenceRoutes(Web web, AccountService accounts, PlaceService places, RateLimiter limiter, AccountRoutes profile, String baseUrl) {
        this.web = web;
        this.accounts = accounts;
        this.residence = accounts.residence();
        this.places = places;
        this.limiter = limiter;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/account/residence/letter", ctx -> showLetterForm(ctx, Form.empty()), Access.SELF, Role.RESIDENT);
        r.post("/account/residence/letter", this::requestLetter, Access.SELF, Role.RESIDENT);
        r.post("/account/residence/code", this::enterCode, Access.SELF, Role.RESIDENT);
        r.get("/residence/letters", ctx -> showLetters(ctx, false), Access.ROLE, Role.OFFICER);
        r.post("/residence/letters/print", this::print, Access.ROLE, Role.OFFICER);
        r.get("/residence/desk", ctx -> showDesk(ctx, ctx.queryParam("email"), Form.empty()), Access.ROLE, Role.OFFICER);
        r.post("/residence/desk", this::verifyAtDesk, Access.ROLE, Role.OFFICER);
    }

    private void showLetterForm(Context ctx, Form form) {
        CurrentUser user = web.requireUser(ctx);
        web.render(ctx, "accounts/residence-letter.jte", web.page(ctx, "residence.letter.title"), "form", form,
                "home", user.homePlaceId() == null ? null : places.find(user.homePlaceId()).map(p -> p.name()).orElse(null),
                "lifetime", Residence.LETTER_LIFETIME.toDays());
    }

    private void requestLetter(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        // Only letters asked for count (each is posted at the council's cost), not a form sent back to mend a typo.
        limiter.check(RateLimiter.RESIDENCE_LETTER_PER_ACCOUNT, String.valueOf(user.id()));
        Form form = Form.read(ctx, "line1", "line2", "town", "postcode");
        if (!residence.requestLetter(user.id(), user.homePlaceId(), form, web.actor(ctx))) {
            ctx.status(422);
            showLetterForm(ctx, form);
            return;
        }
        limiter.record(RateLimiter.RESIDENCE_LETTER_PER_ACCOUNT, String.valueOf(user.id()));
        web.redirectWithNotice(ctx, "/account#residence", "residence.letter.requested");
    }

    /** Attempts count per account whatever their outcome, so a code cannot be guessed across many requests or addresses. */
    private void enterCode(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(RateLimiter.RESIDENCE_CODE_PER_ACCOUNT, String.valueOf(user.id()));
        Form form = Form.read(ctx, "code");
        String code = form.value("code").strip();
        if (code.isEmpty()) form.error("code", "residence.code.error.required");
        else if (code.length() > 40) form.error("code", "residence.code.error.wrong");
        else {
            switch (residence.enterCode(user.id(), code, web.actor(ctx))) {
                case VERIFIED -> {
                    web.redirectWithNotice(ctx, "/account#residence", "residence.code.verified");
                    return;
                }
                case WRONG -> form.error("code", "residence.code.error.wrong");
                case EXPIRED -> form.error("code", "residence.code.error.expired");
                case NO_LETTER -> form.error("code", "residence.code.error.noLetter");
            }
        }
        ctx.status(422);
        profile.showProfile(ctx, null, null, form, null);
    }

    private void showLetters(Context ctx, boolean nothingToPrint) {
        web.render(ctx, "accounts/residence-letters.jte", web.page(ctx, "residence.letters.title"), "pending", residence.pending(),
                "nothingToPrint", nothingToPrint);
    }

    /** The batch's letters are shown once, to print: only the codes' keyed hashes are kept. */
    private void print(Context ctx) {
        var letters = residence.printBatch(web.actor(ctx));
        if (letters.isEmpty()) {
            ctx.status(409);
            showLetters(ctx, true);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "accounts/residence-print.jte", web.page(ctx, "residence.print.title", letters.size()), "letters", letters,
                "link", baseUrl + "/account#residence");
    }

    private void showDesk(Context ctx, String email, Form form) {
        String typed = email == null ? "" : email.strip();
        Optional<Account> found = typed.isEmpty() || typed.length() > 254 ? Optional.empty() : accounts.findByEmail(typed);
        Account account = found.orElse(null);
        web.render(ctx, "accounts/residence-desk.jte", web.page(ctx, "residence.desk.title"), "email", typed, "account", account,
                "home", account == null || account.homePlaceId() == null ? null : places.find(account.homePlaceId()).map(p -> p.name()).orElse(null),
                "verification", account == null ? null : residence.verifiedHome(account.id()).orElse(null), "form", form,
                "evidence", Residence.EVIDENCE);
    }

    private void verifyAtDesk(Context ctx) {
        Form form = Form.read(ctx, "account", "place", "evidence", "email");
        long account;
        long place;
        try {
            account = Long.parseLong(form.value("account").strip());
            place = Long.parseLong(form.value("place").strip());
        } catch (NumberFormatException e) {
            ctx.status(422);
            form.error("evidence", "residence.desk.error.unknownAccount");
            showDesk(ctx, form.value("email"), form);
            return;
        }
        var refused = residence.verifyAtDesk(account, place, form.value("evidence"), web.actor(ctx));
        if (refused.isEmpty()) {
            web.redirectWithNotice(ctx, "/residence/desk?email=" + java.net.URLEncoder.encode(form.value("email"), java.nio.charset.StandardCharsets.UTF_8),
                    "residence.desk.done");
            return;
        }
        ctx.status(switch (refused.get()) {
            case UNKNOWN_EVIDENCE -> 422;
            case OWN_HOME -> 403;
            default -> 409;
        });
        form.error("evidence", switch (refused.get()) {
            case UNKNOWN_ACCOUNT -> "residence.desk.error.unknownAccount";
            case NO_HOME -> "residence.desk.error.noHome";
            case HOME_CHANGED -> "residence.desk.error.homeChanged";
            case UNKNOWN_EVIDENCE -> "residence.desk.error.evidence";
            case OWN_HOME -> "residence.desk.error.ownHome";
        });
        showDesk(ctx, form.value("email"), form);
    }
}
