package org.commonweal.platform.opportunities;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.ControlCharacters;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group's coordinator imports its TeamKinetic export in three steps: upload the files; confirm which column holds
 * each field (guessed from the header); preview what would be imported, what stops it (file, row, column, why) and what
 * is left out; then import it all in one transaction. The files travel between the steps inside the form (base64), so
 * nothing is stored until the last step.
 */
public final class ImportRoutes implements Routes {
    /** The upload's fields: a file of each kind, in the order the page asks for them. */
    public static final List<String> KINDS = List.of("providers", "opportunities", "sessions");
    static final int SHOWN = 100;
    static final int DEFAULT_CAPACITY = 10;
    private final Web web;
    private final Groups groups;
    private final PlaceService places;
    private final TeamKineticImport importer;
    private final Access posting;
    private final RateLimiter limiter;

    ImportRoutes(Web web, Groups groups, PlaceService places, TeamKineticImport importer, Access posting, RateLimiter limiter) {
        this.limiter = limiter;
        this.web = web;
        this.groups = groups;
        this.places = places;
        this.importer = importer;
        this.posting = posting;
    }

    /** The files read so far (by kind), as parsed and as they travel in the form; the place and places per session chosen. */
    private record Upload(Map<String, CsvFile> files, Map<String, String> encoded, Map<String, String> names, Form form) {
    }

    /** The keys of the mapping's fields read from one kind of file, for the mapping page. */
    public static List<String> fields(String kind) {
        return ImportMapping.FIELDS.stream().filter(f -> f.file().equals(kind)).map(ImportMapping.Field::key).toList();
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/groups/{id}/opportunities/import", ctx -> showUpload(ctx, group(ctx), Form.empty().set("capacity", String.valueOf(DEFAULT_CAPACITY)),
                List.of()), posting, Role.RESIDENT);
        r.post("/groups/{id}/opportunities/import", this::step, posting, Role.RESIDENT);
    }

    private Group group(Context ctx) {
        return groups.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showUpload(Context ctx, Group g, Form form, List<String> problems) {
        web.render(ctx, "opportunities/import.jte", web.page(ctx, "opportunities.import.title", g.name()), "group", g, "stage", "upload", "form", form,
                "places", places.tree(), "problems", problems, "more", 0, "files", Map.of(), "names", Map.of(), "headers", Map.of(),
                "mapping", Map.of(), "plan", null, "leftOut", List.of());
    }

    private void step(Context ctx) throws IOException {
        Group g = group(ctx);
        limiter.consume(OpportunityRoutes.POSTS, "account:" + web.requireUser(ctx).id());
        String step = Optional.ofNullable(ctx.formParam("step")).orElse("upload");
        Optional<Upload> upload = step.equals("upload") ? uploaded(ctx, g) : carried(ctx, g);
        if (upload.isEmpty()) return;
        Upload u = upload.get();
        Map<String, String> mapping = new LinkedHashMap<>();
        if (step.equals("upload")) {
            mapping.putAll(ImportMapping.guess(u.files()).columns());
        } else {
            for (ImportMapping.Field f : ImportMapping.FIELDS) {
                String header = Optional.ofNullable(ctx.formParam("map." + f.key())).orElse("");
                CsvFile file = u.files().get(f.file());
                if (!header.isEmpty() && file != null && file.header().contains(header)) mapping.put(f.key(), header);
            }
        }
        if (step.equals("upload")) {
            render(ctx, g, "mapping", u, mapping, null, List.of());
            return;
        }
        TeamKineticImport.Plan plan = importer.plan(g.id(), u.files(), new ImportMapping(mapping));
        if (!plan.problems().isEmpty()) {
            ctx.status(422);
            u.form().error("mapping", "opportunities.import.error.problems", plan.problems().size());
            render(ctx, g, "mapping", u, mapping, null, words(plan.problems()));
            return;
        }
        if (step.equals("import")) {
            importer.run(g.id(), web.requireUser(ctx).id(), Long.parseLong(u.form().value("place")), Integer.parseInt(u.form().value("capacity")), plan,
                    web.actor(ctx));
            web.redirectWithNotice(ctx, "/groups/" + g.id(), "opportunities.notice.imported");
            return;
        }
        render(ctx, g, "preview", u, mapping, plan, List.of());
    }

    private void render(Context ctx, Group g, String stage, Upload u, Map<String, String> mapping, TeamKineticImport.Plan plan, List<String> problems) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        u.files().forEach((kind, f) -> headers.put(kind, f.header()));
        web.render(ctx, "opportunities/import.jte", web.page(ctx, "opportunities.import.title", g.name()), "group", g, "stage", stage, "form", u.form(),
                "places", places.tree(), "problems", problems.subList(0, Math.min(SHOWN, problems.size())), "more", Math.max(0, problems.size() - SHOWN),
                "files", u.encoded(), "names", u.names(), "headers", headers, "mapping", mapping, "plan", plan,
                "leftOut", plan == null ? List.of() : words(plan.leftOut()));
    }

    private List<String> words(List<TeamKineticImport.Problem> problems) {
        List<String> out = new ArrayList<>();
        for (TeamKineticImport.Problem p : problems) {
            String what = web.messages().get(p.messageKey(), p.args());
            out.add(p.row() <= 0 ? web.messages().get("opportunities.import.problem.file", p.file(), what)
                    : web.messages().get("opportunities.import.problem.at", p.file(), p.row(), p.column(), what));
        }
        return out;
    }

    /** The place and places per session, checked: errors go on the form's fields. */
    private Form choices(Context ctx) {
        Form form = Form.read(ctx, "place", "capacity");
        if (OpportunityDetails.parseId(form.value("place")).flatMap(places::find).isEmpty()) form.error("place", "opportunities.error.shift.place");
        try {
            int n = Integer.parseInt(form.value("capacity").strip());
            if (n < 1 || n > ShiftDetails.MAX_CAPACITY) form.error("capacity", "opportunities.error.shift.capacity");
        } catch (NumberFormatException e) {
            form.error("capacity", "opportunities.error.shift.capacity");
        }
        return form;
    }

    /** The first step: the uploaded files, read as UTF-8 CSV; any that cannot be read are listed on the upload page (422). */
    private Optional<Upload> uploaded(Context ctx, Group g) throws IOException {
        Form form = choices(ctx);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String kind : KINDS) {
            UploadedFile f = ctx.uploadedFile(kind);
            if (f == null || f.size() == 0) continue;
            try (var in = f.content()) {
                texts.put(kind, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString());
                names.put(kind, fileName(f.filename()));
            } catch (CharacterCodingException e) {
                problems.add(web.messages().get("opportunities.import.error.encoding", fileName(f.filename())));
            }
        }
        if (!texts.containsKey("opportunities") && problems.isEmpty()) form.error("opportunities", "opportunities.import.error.noOpportunities");
        return read(ctx, g, form, texts, names, problems);
    }

    /** A later step: the files as the form carries them back. */
    private Optional<Upload> carried(Context ctx, Group g) {
        Form form = choices(ctx);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String kind : KINDS) {
            String encoded = Optional.ofNullable(ctx.formParam("file." + kind)).orElse("");
            if (encoded.isEmpty()) continue;
            try {
                texts.put(kind, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Base64.getDecoder().decode(encoded))).toString());
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw new io.javalin.http.BadRequestResponse();
            }
            names.put(kind, fileName(Optional.ofNullable(ctx.formParam("name." + kind)).orElse(kind + ".csv")));
        }
        if (!texts.containsKey("opportunities")) throw new io.javalin.http.BadRequestResponse();
        return read(ctx, g, form, texts, names, new ArrayList<>());
    }

    private Optional<Upload> read(Context ctx, Group g, Form form, Map<String, String> texts, Map<String, String> names, List<String> problems) {
        Map<String, CsvFile> files = new LinkedHashMap<>();
        Map<String, String> encoded = new LinkedHashMap<>();
        texts.forEach((kind, text) -> {
            String name = names.get(kind);
            int controlLine = ControlCharacters.firstLine(text);
            if (controlLine > 0) {
                problems.add(web.messages().get("opportunities.import.error.control", name, controlLine));
                return;
            }
            Object parsed = CsvFile.parse(kind, name, text);
            if (parsed instanceof CsvFile.Unreadable bad) problems.add(web.messages().get(bad.messageKey(), bad.args()));
            else files.put(kind, (CsvFile) parsed);
            encoded.put(kind, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        });
        if (!problems.isEmpty()) form.error("opportunities", "opportunities.import.error.problems", problems.size());
        if (form.hasErrors()) {
            ctx.status(422);
            showUpload(ctx, g, form, problems);
            return Optional.empty();
        }
        return Optional.of(new Upload(files, encoded, names, form));
    }

    /** A file's own name, without the folders some browsers send, and only printable characters. */
    private static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
        return base.isEmpty() ? "upload.csv" : base.substring(0, Math.min(100, base.length()));
    }
}
