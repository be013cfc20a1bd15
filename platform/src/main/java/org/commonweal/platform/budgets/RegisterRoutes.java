package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Officers upload a pot's voter register as a file of identifiers. A register can be started only before voting
 * opens (ballots cast without one could not be tied to an entry) and extended until voting closes.
 */
final class RegisterRoutes implements Routes {
    /** At most this many problems are listed; the page says how many more there were. */
    private static final int SHOWN_PROBLEMS = 50;
    private final Web web;
    private final BudgetService budgets;
    private final VoterRegister register;

    RegisterRoutes(Web web, BudgetService budgets, VoterRegister register) {
        this.web = web;
        this.budgets = budgets;
        this.register = register;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/budgets/{id}/pots/{pot}/register", ctx -> render(ctx, List.of(), null), Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/pots/{pot}/register", this::upload, Access.ROLE, Role.OFFICER);
    }

    private void render(Context ctx, List<String> problems, String done) {
        BudgetProcess process = ProcessRoutes.process(ctx, budgets);
        Pot pot = ProcessRoutes.pot(ctx, budgets);
        boolean exists = register.exists(pot.id());
        web.render(ctx, "budgets/register.jte", web.page(ctx, "budgets.register.title", pot.name()), "process", process, "pot", pot,
                "size", exists ? register.size(pot.id()) : -1L, "open", accepts(process, exists), "problems", problems, "done", done);
    }

    private static boolean accepts(BudgetProcess process, boolean exists) {
        // Extending stops when voting closes: an identifier added while counting could only let a paper ballot in after the fact.
        return exists ? process.phase().ordinal() <= Phase.VOTING.ordinal() : process.phase().ordinal() < Phase.VOTING.ordinal();
    }

    private void upload(Context ctx) throws java.io.IOException {
        BudgetProcess process = ProcessRoutes.process(ctx, budgets);
        Pot pot = ProcessRoutes.pot(ctx, budgets);
        if (!accepts(process, register.exists(pot.id()))) {
            ctx.status(409);
            render(ctx, List.of(web.messages().get("budgets.register.error.closed")), null);
            return;
        }
        var file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            ctx.status(422);
            render(ctx, List.of(web.messages().get("budgets.register.error.file")), null);
            return;
        }
        if (file.size() > RegisterFile.MAX_BYTES) {
            ctx.status(422);
            render(ctx, List.of(web.messages().get("budgets.register.error.tooBig", file.filename(), RegisterFile.MAX_BYTES)), null);
            return;
        }
        String text;
        try (var in = file.content()) {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            ctx.status(422);
            render(ctx, List.of(web.messages().get("budgets.register.error.encoding", file.filename())), null);
            return;
        }
        RegisterFile.Parsed parsed = RegisterFile.parse(text);
        if (!parsed.problems().isEmpty()) {
            List<String> shown = new ArrayList<>();
            for (RegisterFile.Problem p : parsed.problems().subList(0, Math.min(SHOWN_PROBLEMS, parsed.problems().size()))) {
                shown.add(web.messages().get(p.key(), file.filename(), String.valueOf(p.line()), String.valueOf(p.otherLine()), RegisterFile.MAX_LENGTH));
            }
            if (parsed.problems().size() > SHOWN_PROBLEMS) shown.add(web.messages().get("budgets.register.error.more", parsed.problems().size() - SHOWN_PROBLEMS));
            ctx.status(422);
            render(ctx, shown, null);
            return;
        }
        VoterRegister.Upload upload = register.extend(pot, parsed.identifiers(), web.actor(ctx));
        render(ctx, List.of(), web.messages().get("budgets.register.done", upload.added(), upload.alreadyListed()));
    }
}
