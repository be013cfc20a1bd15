package org.commonweal.platform.core.mail;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Csrf;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * In the demo, where no mail is sent, a newcomer reads the mail that registering or asking for a reset just queued,
 * in the browser that asked for it: the address is remembered in a cookie signed with the platform's key, so nobody
 * can read another address's mail (with its one-time links) by naming it. It exists only in demo mode without SMTP.
 */
public final class DemoMailbox implements Routes {
    private static final String COOKIE = "cw_demo_mail";
    private static final String PURPOSE = "demo-mail:";
    private final Web web;
    private final Csrf mac;
    private final Outbox outbox;

    public DemoMailbox(Web web, Csrf mac, Outbox outbox) {
        this.web = web;
        this.mac = mac;
        this.outbox = outbox;
    }

    @Override
    public void routes(RoutesConfig r) {
        // The signed cookie is the credential: only the browser that asked for the mail can read it.
        r.get("/demo/mail", this::show, Access.SECRET, Role.ANYONE);
    }

    /** Remembers, for this browser, the address a mail was just queued for. */
    public void remember(Context ctx, String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        // No mail goes to what cannot be an address, and a cookie must stay small (RFC 5321 caps a path at 254).
        if (address.length() > 254 || address.indexOf('@') < 1) return;
        Cookie c = new Cookie(COOKIE, URLEncoder.encode(address, StandardCharsets.UTF_8) + "." + mac.tokenFor(PURPOSE + address));
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSameSite(SameSite.LAX);
        c.setMaxAge(3600);
        ctx.cookie(c);
    }

    private Optional<String> address(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.lastIndexOf('.') < 0) return Optional.empty();
        String address;
        try {
            address = URLDecoder.decode(value.substring(0, value.lastIndexOf('.')), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return mac.isValid(PURPOSE + address, value.substring(value.lastIndexOf('.') + 1)) ? Optional.of(address) : Optional.empty();
    }

    private void show(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<Outbox.Mail> mail = address(ctx).flatMap(outbox::latestTo);
        web.render(ctx, "mail/demo.jte", web.page(ctx, "demoMail.title"), "mail", mail.orElse(null));
    }
}
