package org.commonweal.platform.conversations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Officers and organisers bring in a conversation they ran on Polis (see {@link PolisImport}). */
final class ImportRoutes implements Routes {
    private final Web web;
    private final PolisImport polis;

    ImportRoutes(Web web, PolisImport polis) {
        this.web = web;
        this.polis = polis;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/conversations/import", ctx -> show(ctx, Form.empty().set("moderation", "strict").set("participation", "signed_in")),
                Access.ROLE, Role.ORGANISER, Role.OFFICER);
        r.post("/conversations/import", this::load, Access.ROLE, Role.ORGANISER, Role.OFFICER);
    }

    private void show(Context ctx, Form form) {
        web.render(ctx, "conversations/import.jte", web.page(ctx, "conversations.import.title"), "form", form);
    }

    private void load(Context ctx) throws IOException {
        Form form = Form.read(ctx, "topic", "moderation", "participation");
        List<PolisImport.Upload> uploads = new ArrayList<>();
        for (UploadedFile f : ctx.uploadedFiles("files")) {
            if (f.size() == 0 && f.filename().isEmpty()) continue;
            // Only the name matters (a browser may send a path); PolisImport accepts only the layouts' own file names.
            String name = f.filename().replace('\\', '/');
            uploads.add(new PolisImport.Upload(name.substring(name.lastIndexOf('/') + 1), f.content()));
        }
        Optional<Long> id = polis.load(form, uploads, web.requireUser(ctx), web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            show(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, Conversation.url(id.get()) + "/report", "conversations.imported");
    }
}
