package org.commonweal.platform.services;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.ControlCharacters;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An officer uploads an ORUK feed: one JSON file, or the data package's CSV tables (several files, each named after its
 * table). Every problem is listed (file, table, row, field); nothing is stored unless there are none.
 */
final class ImportRoutes implements Routes {
    /** Problems listed on the page; a feed with more gets the first ones and a count. */
    static final int SHOWN = 100;
    private final Web web;
    private final OrukImport importer;

    ImportRoutes(Web web, OrukImport importer) {
        this.web = web;
        this.importer = importer;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/services/import", ctx -> show(ctx, Form.empty(), List.of(), 0, null), Access.ROLE, Role.OFFICER);
        r.post("/services/import", this::upload, Access.ROLE, Role.OFFICER);
    }

    private void show(Context ctx, Form form, List<String> problems, int more, OrukImport.Result done) {
        web.render(ctx, "services/import.jte", web.page(ctx, "services.import.title"), "form", form, "problems", problems, "more", more,
                "done", done, "notKept", done == null ? List.of() : notKept(done));
    }

    private void upload(Context ctx) throws IOException {
        Form form = Form.empty();
        List<UploadedFile> files = ctx.uploadedFiles("files").stream().filter(f -> f.size() > 0).toList();
        if (files.isEmpty()) {
            form.error("files", "services.import.error.noFile");
            ctx.status(422);
            show(ctx, form, List.of(), 0, null);
            return;
        }
        FeedTables tables = new FeedTables();
        List<String> problems = new ArrayList<>();
        boolean json = files.size() == 1 && files.getFirst().filename().toLowerCase(Locale.ROOT).endsWith(".json");
        for (UploadedFile f : files) {
            String name = f.filename();
            String text;
            try (var in = f.content()) {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            } catch (CharacterCodingException e) {
                problems.add(web.messages().get("services.import.error.encoding", name));
                continue;
            }
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            int controlLine = ControlCharacters.firstLine(text);
            if (controlLine > 0) {
                problems.add(web.messages().get("services.import.error.control.file", name, controlLine));
                continue;
            }
            boolean isCsv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
            if (!json && !isCsv) {
                problems.add(web.messages().get("services.import.error.kind", name));
                continue;
            }
            FeedTables.Unreadable bad = json ? tables.addJson(name, text) : tables.addCsv(name, text);
            if (bad != null) {
                Object[] args = new Object[bad.args().length + 1];
                args[0] = bad.file();
                System.arraycopy(bad.args(), 0, args, 1, bad.args().length);
                problems.add(web.messages().get(bad.messageKey(), args));
            }
        }
        String names = String.join(", ", files.stream().map(UploadedFile::filename).toList());
        OrukImport.Result result = problems.isEmpty() ? importer.run(tables, names, web.actor(ctx)) : null;
        if (result != null) {
            for (RowCheck.Problem p : result.problems()) {
                String what = web.messages().get(p.messageKey(), p.args());
                problems.add(p.field().isEmpty() ? web.messages().get("services.import.problem.table", p.table(), what)
                        : web.messages().get("services.import.problem", p.table(), p.at(), p.field(), what));
            }
        }
        if (!problems.isEmpty()) {
            form.error("files", "services.import.error.problems", problems.size());
            ctx.status(422);
            show(ctx, form, problems.subList(0, Math.min(SHOWN, problems.size())), Math.max(0, problems.size() - SHOWN), null);
            return;
        }
        show(ctx, form, List.of(), 0, result);
    }

    /** What was read but not kept, in words. */
    private List<String> notKept(OrukImport.Result done) {
        List<String> out = new ArrayList<>();
        done.notKept().forEach((key, n) -> {
            if (key.startsWith("services.import.notKept.file:")) {
                out.add(web.messages().get("services.import.notKept.file", key.substring("services.import.notKept.file:".length())));
            } else {
                out.add(web.messages().get(key, n));
            }
        });
        return out;
    }
}
