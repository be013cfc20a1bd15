package org.commonweal.platform.groups;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Members: a group's admins invite by email, answer requests to join, change roles and dates and download the register;
 * a resident asks to join, accepts an invitation by its one-time link and chooses how they are shown.
 */
final class MemberRoutes implements Routes {
    /** Each invitation is a mail: a few dozen an hour is a busy admin, more is someone using the platform to send mail. */
    static final RateLimiter.Limit INVITES = new RateLimiter.Limit("group-invites", 50, Duration.ofHours(1));
    private static final String[] MEMBER_FIELDS = {"role", "admin", "startedOn", "endedOn"};
    private static final Web.Closed SPENT = new Web.Closed("groups.invite.spent.title", "groups.invite.spent.body");
    private static final Web.Closed WITHDRAWN = new Web.Closed("groups.invite.withdrawn.title", "groups.invite.withdrawn.body");
    private static final Web.Closed DECLINED = new Web.Closed("groups.invite.declined.title", "groups.invite.declined.body");
    private static final Web.Closed NOT_WAITING = new Web.Closed("groups.invite.notWaiting.title", "groups.invite.notWaiting.body");

    private final Web web;
    private final Groups groups;
    private final Memberships memberships;
    private final RateLimiter limiter;
    private final Access running;

    MemberRoutes(Web web, Groups groups, Memberships memberships, RateLimiter limiter, Access running) {
        this.web = web;
        this.groups = groups;
        this.memberships = memberships;
        this.limiter = limiter;
        this.running = running;
    }

    @Override
    public void routes(RoutesConfig r) {
        // Before "/groups/{id}/...": an invitation's link is not a group.
        r.get("/groups/invites/{token}", ctx -> showInvitation(ctx, Form.empty()), Access.SECRET, Role.RESIDENT);
        r.post("/groups/invites/{token}", this::accept, Access.SECRET, Role.RESIDENT);
        r.post("/groups/invites/{token}/decline", this::decline, Access.SECRET, Role.RESIDENT);
        r.get("/groups/{id}/members", ctx -> showMembers(ctx, GroupRoutes.group(ctx, groups), Form.empty().set("role", "member")), running, Role.RESIDENT);
        r.post("/groups/{id}/invites", this::invite, running, Role.RESIDENT);
        r.post("/groups/{id}/invites/{invite}/withdraw", this::withdrawInvite, running, Role.RESIDENT);
        r.post("/groups/{id}/requests/{account}/approve", ctx -> decide(ctx, true), running, Role.RESIDENT);
        r.post("/groups/{id}/requests/{account}/decline", ctx -> decide(ctx, false), running, Role.RESIDENT);
        r.get("/groups/{id}/members/{account}", this::showMember, running, Role.RESIDENT);
        r.post("/groups/{id}/members/{account}", this::updateMember, running, Role.RESIDENT);
        r.get("/groups/{id}/register.csv", this::register, running, Role.RESIDENT);
        // A resident's own acts on a public group: asking to join, and how they are shown if they belong.
        r.post("/groups/{id}/join", this::join, Access.ROLE, Role.RESIDENT);
        r.post("/groups/{id}/shown", this::shown, Access.ROLE, Role.RESIDENT);
    }

    private void showMembers(Context ctx, Group g, Form inviteForm) {
        web.render(ctx, "groups/members.jte", web.page(ctx, "groups.members.title", g.name()), "group", g, "members", memberships.members(g.id()),
                "requests", memberships.requests(g.id()), "invites", memberships.pendingInvites(g.id()), "form", inviteForm,
                "today", Memberships.today());
    }

    private void invite(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(INVITES, "account:" + user.id());
        Form form = Form.read(ctx, "email", "role");
        web.answer(ctx, memberships.invite(g, form, user.name(), web.actor(ctx)), "/groups/" + g.id() + "/members", "groups.notice.invited",
                () -> showMembers(ctx, g, form), null);
    }

    private void withdrawInvite(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        web.answer(ctx, memberships.withdrawInvite(g.id(), Web.id(ctx, "invite"), web.actor(ctx)), "/groups/" + g.id() + "/members",
                "groups.notice.inviteWithdrawn", null, NOT_WAITING);
    }

    private void decide(Context ctx, boolean approve) {
        Group g = GroupRoutes.group(ctx, groups);
        web.answer(ctx, memberships.decide(g.id(), Web.id(ctx, "account"), approve, web.actor(ctx)), "/groups/" + g.id() + "/members",
                approve ? "groups.notice.approved" : "groups.notice.declined", null, null);
    }

    private Memberships.Member member(Context ctx, Group g) {
        long account = Web.id(ctx, "account");
        return memberships.members(g.id()).stream().filter(m -> m.accountId() == account).findFirst().orElseThrow(NotFoundResponse::new);
    }

    private void showMember(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        Memberships.Member m = member(ctx, g);
        renderMember(ctx, g, m, Form.empty().set("role", m.role()).set("admin", m.admin() ? "yes" : "").set("startedOn", m.startedOn().toString())
                .set("endedOn", m.endedOn() == null ? "" : m.endedOn().toString()));
    }

    private void renderMember(Context ctx, Group g, Memberships.Member m, Form form) {
        web.render(ctx, "groups/member.jte", web.page(ctx, "groups.member.title", m.name()), "group", g, "member", m, "form", form);
    }

    private void updateMember(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        Memberships.Member m = member(ctx, g);
        Form form = Form.read(ctx, MEMBER_FIELDS);
        web.answer(ctx, memberships.update(g.id(), m.accountId(), form, web.actor(ctx)), "/groups/" + g.id() + "/members", "groups.notice.memberSaved",
                () -> renderMember(ctx, g, m, form), null);
    }

    /** The register of members, for a co-operative's or society's admins; other kinds keep none. */
    private void register(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        if (!g.keepsRegister()) throw new NotFoundResponse();
        StringWriter out = new StringWriter();
        memberships.registerCsv(g.id(), out);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"register-of-members-" + g.id() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    private void join(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        Form form = Form.read(ctx, "message");
        Optional<Refusal> refused = memberships.requestToJoin(g.id(), web.requireUser(ctx).id(), form, web.actor(ctx));
        if (refused.equals(Optional.of(Refusal.ALREADY_DONE))) {
            web.redirectWithNotice(ctx, g.url(), "groups.notice.alreadyAsked");
            return;
        }
        web.answer(ctx, refused, g.url(), "groups.notice.asked", () -> web.render(ctx, "groups/join.jte", web.page(ctx, "groups.join.title", g.name()),
                "group", g, "form", form), null);
    }

    private void shown(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        Form form = Form.read(ctx, "shown");
        Optional<Refusal> refused = memberships.setShown(g.id(), web.requireUser(ctx).id(), form.value("shown"), web.actor(ctx));
        if (refused.equals(Optional.of(Refusal.INVALID))) throw new io.javalin.http.BadRequestResponse();
        web.answer(ctx, refused, g.url(), "groups.notice.shownSaved", null, null);
    }

    private void showInvitation(Context ctx, Form form) {
        Optional<Memberships.Invitation> invitation = memberships.invitation(ctx.pathParam("token"));
        if (invitation.isEmpty()) {
            web.refuse(ctx, Refusal.CLOSED, null, why(ctx.pathParam("token")));
            return;
        }
        boolean forThisAccount = invitation.get().email().equalsIgnoreCase(web.requireUser(ctx).email());
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "groups/invitation.jte", web.page(ctx, "groups.invitation.title", invitation.get().groupName()), "invitation", invitation.get(),
                "forThisAccount", forThisAccount, "token", ctx.pathParam("token"), "form", form);
    }

    private void accept(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Memberships.Invitation> invitation = memberships.invitation(token);
        CurrentUser user = web.requireUser(ctx);
        if (invitation.isPresent() && !invitation.get().email().equalsIgnoreCase(user.email())) {
            ctx.status(403);
            showInvitation(ctx, Form.empty());
            return;
        }
        web.answer(ctx, memberships.accept(token, user, web.actor(ctx)), invitation.map(i -> "/groups/" + i.groupId()).orElse("/groups"),
                "groups.notice.joined", null, why(token));
    }

    /** The invitee says no; like accepting, only with the account the invitation was sent to. */
    private void decline(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Memberships.Invitation> invitation = memberships.invitation(token);
        CurrentUser user = web.requireUser(ctx);
        if (invitation.isPresent() && !invitation.get().email().equalsIgnoreCase(user.email())) {
            ctx.status(403);
            showInvitation(ctx, Form.empty());
            return;
        }
        web.answer(ctx, memberships.decline(token, user, web.actor(ctx)), "/groups", "groups.notice.inviteDeclined", null, why(token));
    }

    /** What a link that no longer works says: withdrawn by the group, declined, or (used, expired, wrong) spent. */
    private Web.Closed why(String token) {
        return memberships.ended(token).map(e -> e == Memberships.Ended.WITHDRAWN ? WITHDRAWN : DECLINED).orElse(SPENT);
    }
}
