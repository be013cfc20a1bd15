package org.commonweal.platform.elections;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.groups.Group;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Organisations' own STV elections. Organisers create an election, list the members who may vote (by
 * account email) and print one-time codes for members without accounts, then close it, which counts and
 * publishes the report. Members vote one secret ranked ballot each.
 */
public final class BoardElectionRoutes implements Routes {
    private static final int MAX_CODES = 1000;

    private final Web web;
    private final BoardElections elections;
    private final AccountService accounts;
    private final String baseUrl;
    private final Groups groups;
    /** An election is its creator's (an organiser) to manage. */
    private final ObjectKind electionKind;
    /** An election's electorate is its listed members': each may cast their own ballot. */
    private final ObjectKind electorateKind;

    public BoardElectionRoutes(Web web, BoardElections elections, AccountService accounts, String baseUrl, Groups groups) {
        this.groups = groups;
        this.web = web;
        this.elections = elections;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
        this.electionKind = new ObjectKind("board election", id -> elections.find(id).map(e -> ObjectKind.Owners.account(e.ownerId())));
        this.electorateKind = new ObjectKind("board election electorate", id -> elections.find(id)
                .map(e -> ObjectKind.Owners.accounts(account -> elections.isElector(id, account))));
    }

    @Override
    public void routes(RoutesConfig r) {
        // Admins may act on every election: one whose owner deleted their account could otherwise never be closed.
        Access managing = Access.owner(electionKind).or(Role.ADMIN);
        r.get("/elections/manage", ctx -> web.render(ctx, "elections/manage.jte", web.page(ctx, "elections.board.manage.title"),
                "elections", managedBy(web.requireUser(ctx))), Access.SELF, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/manage/new", ctx -> showNew(ctx, BoardElectionForm.blank()), Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.post("/elections/manage/new", this::create, Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/manage/{id}", ctx -> showManage(ctx, election(ctx), Form.empty(), Form.empty(), null), managing, Role.ORGANISER, Role.ADMIN);
        r.post("/elections/manage/{id}/electors", this::addElectors, managing, Role.ORGANISER, Role.ADMIN);
        r.post("/elections/manage/{id}/electors/register", this::addRegister, managing, Role.ORGANISER, Role.ADMIN);
        r.post("/elections/manage/{id}/codes", this::generateCodes, managing, Role.ORGANISER, Role.ADMIN);
        r.post("/elections/manage/{id}/close", this::close, managing, Role.ORGANISER, Role.ADMIN);
        // Published counts are public, so the list of them is too; a member also sees the elections they may vote in.
        r.get("/elections", ctx -> web.render(ctx, "elections/list.jte", web.page(ctx, "elections.board.list.title"),
                "elections", elections.forMember(web.user(ctx) == null ? null : web.user(ctx).id())), Access.PUBLIC, Role.ANYONE);
        r.get("/elections/{id}", ctx -> showElection(ctx, election(ctx)), Access.PUBLIC, Role.ANYONE);
        r.get("/elections/{id}/ballots.blt", this::ballotFile, Access.PUBLIC, Role.ANYONE);
        r.get("/elections/{id}/vote", ctx -> showBallot(ctx, election(ctx), Form.empty(), false), Access.owner(electorateKind), Role.RESIDENT);
        r.post("/elections/{id}/vote", this::voteAsMember, Access.owner(electorateKind), Role.RESIDENT);
        r.get("/elections/{id}/code", ctx -> showBallot(ctx, election(ctx), Form.empty(), true), Access.SECRET, Role.ANYONE);
        r.post("/elections/{id}/code", this::voteWithCode, Access.SECRET, Role.ANYONE);
    }

    private BoardElection election(Context ctx) {
        return elections.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** Admins see every election (an owner may delete their account); an organiser sees only their own. */
    private List<BoardElection> managedBy(CurrentUser user) {
        return user.has(Role.ADMIN) ? elections.all() : elections.ownedBy(user.id());
    }

    private void showNew(Context ctx, Form form) {
        web.render(ctx, "elections/new.jte", web.page(ctx, "elections.board.new.title"), "form", form);
    }

    private void create(Context ctx) {
        Form form = Form.read(ctx, BoardElectionForm.fields().toArray(String[]::new));
        BoardElectionForm.Draft draft = BoardElectionForm.read(form);
        if (draft == null) {
            ctx.status(422);
            showNew(ctx, form);
            return;
        }
        long id = elections.create(draft, web.requireUser(ctx).id(), web.actor(ctx));
        web.redirectWithNotice(ctx, "/elections/manage/" + id, "elections.board.created");
    }

    private void showManage(Context ctx, BoardElection e, Form electors, Form codes, String problem) {
        showManage(ctx, e, electors, codes, problem, Form.empty());
    }

    private void showManage(Context ctx, BoardElection e, Form electors, Form codes, String problem, Form register) {
        web.render(ctx, "elections/manage-one.jte", web.page(ctx, "elections.board.manageOne.title", e.title()), "election", e,
                "turnout", elections.turnout(e.id()), "electors", electors, "codes", codes, "problem", problem, "register", register,
                "registers", groupsWithRegisters(web.requireUser(ctx)));
    }

    /** The groups whose register the user may take an electorate from: co-operatives and societies they run. */
    private List<Group.Summary> groupsWithRegisters(CurrentUser user) {
        return groups.administeredBy(user.id()).stream().filter(g -> Group.KEEPS_REGISTER.contains(g.kind())).toList();
    }

    /** The electorate from a group's register of members: only the group's admins may hand its register to an election. */
    private void addRegister(Context ctx) {
        BoardElection e = election(ctx);
        CurrentUser user = web.requireUser(ctx);
        Form form = Form.read(ctx, "group");
        Optional<Group.Summary> group = groupsWithRegisters(user).stream().filter(g -> String.valueOf(g.id()).equals(form.value("group"))).findFirst();
        if (e.published()) form.error("group", "elections.board.error.published");
        else if (group.isEmpty()) form.error("group", "elections.board.error.register");
        List<Long> register = group.map(g -> groups.electorate(g.id())).orElse(List.of());
        if (!form.hasErrors() && register.isEmpty()) form.error("group", "elections.board.error.registerEmpty");
        if (form.hasErrors()) {
            ctx.status(422);
            showManage(ctx, e, Form.empty(), Form.empty(), null, form);
            return;
        }
        elections.addElectorsFromRegister(e.id(), group.get().id(), register, web.actor(ctx));
        web.redirectWithNotice(ctx, "/elections/manage/" + e.id(), "elections.board.electorsAdded");
    }

    private void addElectors(Context ctx) {
        BoardElection e = election(ctx);
        Form form = Form.read(ctx, "emails");
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String email : ScenarioForm.split(form.value("emails"))) {
            Optional<Account> a = accounts.findByEmail(email);
            if (a.isPresent()) ids.add(a.get().id());
            else unknown.add(email);
        }
        if (e.published()) form.error("emails", "elections.board.error.published");
        else if (ids.isEmpty() && unknown.isEmpty()) form.error("emails", "elections.board.error.emails");
        else if (!unknown.isEmpty()) form.error("emails", "elections.board.error.unknownEmails", String.join(", ", unknown));
        if (form.hasErrors()) {
            ctx.status(422);
            showManage(ctx, e, form, Form.empty(), null);
            return;
        }
        elections.addElectors(e.id(), ids, web.actor(ctx));
        web.redirectWithNotice(ctx, "/elections/manage/" + e.id(), "elections.board.electorsAdded");
    }

    private void generateCodes(Context ctx) {
        BoardElection e = election(ctx);
        Form form = Form.read(ctx, "count");
        int count = 0;
        try {
            count = Integer.parseInt(form.value("count").strip());
        } catch (NumberFormatException ignored) {
            // reported below with the out-of-range numbers
        }
        if (e.published()) form.error("count", "elections.board.error.published");
        else if (count < 1 || count > MAX_CODES) form.error("count", "elections.board.error.codeCount");
        if (form.hasErrors()) {
            ctx.status(422);
            showManage(ctx, e, Form.empty(), form, null);
            return;
        }
        List<String> codes = elections.generateCodes(e.id(), count, web.actor(ctx));
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "elections/codes.jte", web.page(ctx, "elections.board.codes.title", e.title()), "election", e, "codes", codes,
                "link", baseUrl + "/elections/" + e.id() + "/code");
    }

    private void close(Context ctx) {
        BoardElection e = election(ctx);
        if (!elections.closeAndCount(e.id(), web.actor(ctx))) {
            ctx.status(409);
            showManage(ctx, e, Form.empty(), Form.empty(), web.messages().get("elections.board.alreadyPublished"));
            return;
        }
        web.redirectWithNotice(ctx, "/elections/" + e.id(), "elections.board.published");
    }

    private void ballotFile(Context ctx) {
        long id = Web.id(ctx, "id");
        String blt = elections.ballotFile(id).orElseThrow(NotFoundResponse::new);
        ctx.header("Content-Disposition", "attachment; filename=\"election-" + id + ".blt\"");
        ctx.contentType("text/plain; charset=utf-8").result(blt);
    }

    private void showElection(Context ctx, BoardElection e) {
        CurrentUser user = web.user(ctx);
        boolean elector = user != null && elections.isElector(e.id(), user.id());
        boolean voted = elector && elections.hasVoted(e.id(), user.id());
        web.render(ctx, "elections/election.jte", web.page(ctx, "elections.board.election.title", e.title()), "election", e,
                "open", e.acceptsBallotsAt(OffsetDateTime.now()), "elector", elector, "voted", voted);
    }

    private void showBallot(Context ctx, BoardElection e, Form form, boolean withCode) {
        if (!e.acceptsBallotsAt(OffsetDateTime.now())) {
            ctx.status(409);
            web.render(ctx, "error.jte", web.page(ctx, "elections.ballot.notOpen.title"), "message", web.messages().get("elections.ballot.notOpen.body"));
            return;
        }
        if (!withCode && elections.hasVoted(e.id(), web.requireUser(ctx).id())) {
            ctx.status(409);
            web.render(ctx, "error.jte", web.page(ctx, "elections.ballot.voted.title"), "message", web.messages().get("elections.ballot.voted.body"),
                    "backHref", "/elections/" + e.id(), "backLabel", web.messages().get("elections.board.back"));
            return;
        }
        web.render(ctx, "elections/ballot.jte", web.page(ctx, "elections.ballot.title", e.title()), "election", e, "form", form, "withCode", withCode);
    }

    private void voteAsMember(Context ctx) {
        BoardElection e = election(ctx);
        Form form = RankedBallot.form(ctx.formParamMap(), e.candidates().size());
        int[] ranking = RankedBallot.read(form, e.candidates().size());
        if (ranking == null) {
            ctx.status(422);
            showBallot(ctx, e, form, false);
            return;
        }
        outcome(ctx, e, elections.castAsMember(e.id(), web.requireUser(ctx).id(), ranking));
    }

    private void voteWithCode(Context ctx) {
        BoardElection e = election(ctx);
        Form form = RankedBallot.form(ctx.formParamMap(), e.candidates().size());
        form.set("code", ctx.formParam("code"));
        if (BoardElections.normaliseCode(form.value("code")) == null) form.error("code", "elections.ballot.error.code");
        int[] ranking = RankedBallot.read(form, e.candidates().size());
        if (ranking == null) {
            ctx.status(422);
            showBallot(ctx, e, form, true);
            return;
        }
        BoardElections.Cast cast = elections.castWithCode(e.id(), form.value("code"), ranking);
        if (cast == BoardElections.Cast.NOT_ELIGIBLE) {
            form.error("code", "elections.ballot.error.codeUnknown");
            ctx.status(422);
            showBallot(ctx, e, form, true);
            return;
        }
        outcome(ctx, e, cast);
    }

    private void outcome(Context ctx, BoardElection e, BoardElections.Cast cast) {
        switch (cast) {
            case ACCEPTED -> web.redirectWithNotice(ctx, "/elections/" + e.id(), "elections.ballot.accepted");
            case NOT_ELIGIBLE -> throw new ForbiddenResponse();
            case ALREADY_VOTED -> {
                ctx.status(409);
                web.render(ctx, "error.jte", web.page(ctx, "elections.ballot.voted.title"), "message", web.messages().get("elections.ballot.voted.body"),
                    "backHref", "/elections/" + e.id(), "backLabel", web.messages().get("elections.board.back"));
            }
            case NOT_OPEN -> {
                ctx.status(409);
                web.render(ctx, "error.jte", web.page(ctx, "elections.ballot.notOpen.title"), "message", web.messages().get("elections.ballot.notOpen.body"));
            }
        }
    }
}
