package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.ControlCharacters;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Importing a group's volunteers, for the group's admins and officers: upload the export, confirm what each column
 * becomes, look at the preview with every problem (file, row, column), then import all rows or none.
 */
final class ImportRoutes implements Routes {
    private final Web web;
    private final Groups groups;
    private final VolunteerImport importer;
    private final Access importing;

    ImportRoutes(Web web, Groups groups, VolunteerImport importer, Access importing) {
        this.web = web;
        this.groups = groups;
        this.importer = importer;
        this.importing = importing;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/groups/{id}/volunteers/import", ctx -> showUpload(ctx, Form.empty()), importing, Role.RESIDENT);
        r.post("/groups/{id}/volunteers/import", this::upload, importing, Role.RESIDENT);
        r.get("/groups/{id}/volunteers/import/{import}", ctx -> {
            ImportUpload u = stored(ctx);
            showMapping(ctx, u, ImportMapping.guess(u.header()), Form.empty());
        }, importing, Role.RESIDENT);
        r.post("/groups/{id}/volunteers/import/{import}", this::step, importing, Role.RESIDENT);
    }

    private Group group(Context ctx) {
        return groups.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private ImportUpload stored(Context ctx) {
        return importer.find(Web.id(ctx, "id"), Web.id(ctx, "import")).orElseThrow(NotFoundResponse::new);
    }

    private void showUpload(Context ctx, Form form) {
        web.render(ctx, "volunteers/import.jte", web.page(ctx, "volunteers.import.title"), "group", group(ctx), "form", form);
    }

    private void upload(Context ctx) throws IOException {
        Form form = Form.empty();
        Group g = group(ctx);
        UploadedFile file = ctx.uploadedFiles("file").stream().filter(f -> f.size() > 0).findFirst().orElse(null);
        if (file == null) {
            form.error("file", "volunteers.import.error.noFile");
        } else {
            String text = null;
            try (var in = file.content()) {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            } catch (CharacterCodingException e) {
                form.error("file", "volunteers.import.error.encoding", file.filename());
            }
            if (text != null) {
                if (text.startsWith("\uFEFF")) text = text.substring(1);
                int controlLine = ControlCharacters.firstLine(text);
                if (controlLine > 0) form.error("file", "volunteers.import.error.controlLine", file.filename(), controlLine);
                else {
                    Object result = importer.upload(g.id(), web.requireUser(ctx).id(), file.filename(), text, web.actor(ctx));
                    if (result instanceof VolunteerImport.Unreadable bad) {
                        Object[] args = new Object[bad.args().length + 1];
                        args[0] = file.filename();
                        System.arraycopy(bad.args(), 0, args, 1, bad.args().length);
                        form.error("file", bad.messageKey(), args);
                    } else {
                        ctx.redirect("/groups/" + g.id() + "/volunteers/import/" + result);
                        return;
                    }
                }
            }
        }
        ctx.status(422);
        showUpload(ctx, form);
    }

    private void showMapping(Context ctx, ImportUpload u, List<String> mapping, Form form) {
        Form values = Form.empty();
        for (int i = 0; i < mapping.size(); i++) values.set("column" + i, mapping.get(i));
        form.errors().keySet().forEach(k -> values.error(k, form.errorKey(k), form.errorArgs(k)));
        web.render(ctx, "volunteers/import-mapping.jte", web.page(ctx, "volunteers.import.mapping.title", u.fileName()), "group", group(ctx),
                "upload", u, "mapping", mapping, "form", values);
    }

    private void step(Context ctx) {
        ImportUpload u = stored(ctx);
        Group g = group(ctx);
        List<String[]> mappingErrors = new ArrayList<>();
        List<String> mapping = ImportMapping.read(u.header(), i -> ctx.formParam("column" + i), mappingErrors);
        if (!mappingErrors.isEmpty()) {
            Form form = Form.empty();
            for (String[] e : mappingErrors) form.error(e[0], e[1], (Object[]) java.util.Arrays.copyOfRange(e, 2, e.length));
            ctx.status(422);
            showMapping(ctx, u, mapping, form);
            return;
        }
        VolunteerImport.Checked checked = VolunteerImport.check(u, mapping);
        List<String> problems = checked.problems().stream().limit(VolunteerImport.SHOWN).map(p -> problem(u, p)).toList();
        if ("import".equals(ctx.formParam("step")) && checked.problems().isEmpty()) {
            VolunteerImport.Result result = importer.run(u, checked.people(), g.name(), web.actor(ctx));
            web.redirectWithNotice(ctx, "/groups/" + g.id() + "/volunteers", result.invited() > 0 ? "volunteers.notice.importedInvited" : "volunteers.notice.imported");
            return;
        }
        if (!checked.problems().isEmpty()) ctx.status(422);
        web.render(ctx, "volunteers/import-preview.jte", web.page(ctx, "volunteers.import.preview.title", u.fileName()), "group", g, "upload", u,
                "mapping", mapping, "people", checked.people().stream().limit(20).toList(), "count", checked.people().size(), "problems", problems,
                "more", Math.max(0, checked.problems().size() - VolunteerImport.SHOWN), "notImported", notImported(u, mapping));
    }

    /** A problem in words: file, row, column and what is wrong. */
    private String problem(ImportUpload u, VolunteerImport.Problem p) {
        String what = web.messages().get(p.messageKey(), p.args());
        return p.column() == 0 ? web.messages().get("volunteers.import.problem.row", u.fileName(), p.row(), what)
                : web.messages().get("volunteers.import.problem", u.fileName(), p.row(), p.column(), p.header(), what);
    }

    /** The columns left out, special category ones marked as such. */
    private List<String> notImported(ImportUpload u, List<String> mapping) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < mapping.size(); i++) {
            if (mapping.get(i).equals(ImportMapping.SPECIAL)) out.add(web.messages().get("volunteers.import.notImported.special", i + 1, u.header().get(i)));
            else if (mapping.get(i).equals(ImportMapping.SKIP)) out.add(web.messages().get("volunteers.import.notImported.column", i + 1, u.header().get(i)));
        }
        return out;
    }
}
