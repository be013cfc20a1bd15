package org.commonweal.platform.elections;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import org.commonweal.platform.core.http.Access;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.model.AllianceModel;
import org.commonweal.elections.model.HexLayout;
import org.commonweal.elections.model.HexMapSvg;
import org.commonweal.elections.model.StvAssumption;
import org.commonweal.elections.model.StvGrouping;
import org.commonweal.elections.model.MonteCarloResult;
import org.commonweal.elections.model.ScenarioException;
import org.commonweal.elections.model.ScenarioResult;
import org.commonweal.platform.core.http.ControlCharacters;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The seat modeller for organisers: upload constituency results (and, optionally, a hex map of the
 * constituencies), describe a scenario in a form, and see the results first: seats before and after by party
 * (with parliament arcs and their legend), the map, the seats that change hands, the proportional comparisons
 * and the Monte Carlo chances; then download the scenario, results and map. The scenario form is a GET form:
 * modelling stores nothing, so a result is a link that can be shared or reloaded.
 */
public final class SeatModellerRoutes implements Routes {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the results part of the page shows; {@code map} is null when the results came without one. */
    public record Outcome(ScenarioResult central, MonteCarloResult monteCarlo, List<ModellerSummary.Row> seats, List<ModellerSummary.Row> proportional,
                          List<ModellerSummary.Chance> chances, String arcBefore, String arcAfter, String map, String query) {
    }

    private final Web web;
    private final ResultsSets sets;

    public SeatModellerRoutes(Web web, ResultsSets sets) {
        this.web = web;
        this.sets = sets;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/elections/modeller", ctx -> showSets(ctx, Form.empty()), Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.post("/elections/modeller", this::upload, Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/modeller/{id}", this::model, Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/modeller/{id}/scenario.json", ctx -> download(ctx, "scenario.json"), Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/modeller/{id}/results.json", ctx -> download(ctx, "results.json"), Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/modeller/{id}/results.csv", ctx -> download(ctx, "results.csv"), Access.ROLE, Role.ORGANISER, Role.ADMIN);
        r.get("/elections/modeller/{id}/map.svg", ctx -> download(ctx, "map.svg"), Access.ROLE, Role.ORGANISER, Role.ADMIN);
    }

    private void showSets(Context ctx, Form form) {
        web.render(ctx, "elections/modeller.jte", web.page(ctx, "elections.modeller.title"), "sets", sets.all(), "form", form);
    }

    private void upload(Context ctx) {
        Form form = Form.read(ctx, "name");
        String name = form.requireText("name", 200, "elections.results.error.name", "elections.results.error.nameTooLong");
        UploadedFile file = ctx.uploadedFile("file");
        String text = null;
        if (file == null || file.size() == 0) form.error("file", "elections.results.error.file");
        else if (file.size() > ResultsSets.MAX_BYTES) form.error("file", "elections.results.error.tooBig");
        else {
            text = utf8(file);
            int controlLine = text == null ? 0 : ControlCharacters.firstLine(text);
            if (text == null) form.error("file", "elections.results.error.notUtf8");
            else if (controlLine > 0) {
                form.error("file", "elections.results.error.unreadable", web.messages().get("upload.controlCharacters", controlLine));
            }
        }
        UploadedFile mapFile = ctx.uploadedFile("map");
        String map = null;
        if (mapFile != null && mapFile.size() > 0) {
            map = mapFile.size() > ResultsSets.MAX_BYTES ? null : utf8(mapFile);
            if (mapFile.size() > ResultsSets.MAX_BYTES) form.error("map", "elections.results.error.tooBig");
            else if (map == null) form.error("map", "elections.results.error.notUtf8");
        }
        if (!form.hasErrors() && map != null) {
            try {
                ResultsSets.checkMap(ResultsSets.parse(fileName(file), text), map);
            } catch (ResultsSets.Unreadable e) {
                form.error(e.getMessage().startsWith(fileName(file)) ? "file" : "map", "elections.results.error.mapUnreadable", e.getMessage());
            }
        }
        if (!form.hasErrors()) {
            try {
                long id = sets.add(name, fileName(file), text, map, web.requireUser(ctx).id(), web.actor(ctx));
                web.redirectWithNotice(ctx, "/elections/modeller/" + id, "elections.results.uploaded");
                return;
            } catch (ResultsSets.Unreadable e) {
                form.error("file", "elections.results.error.unreadable", e.getMessage());
            }
        }
        ctx.status(422);
        showSets(ctx, form);
    }

    private static String fileName(UploadedFile file) {
        String n = file.filename() == null ? "" : file.filename().replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
        return n.isEmpty() ? "results.csv" : n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static String utf8(UploadedFile file) {
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes(ResultsSets.MAX_BYTES + 1);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("reading an uploaded file", e);
        }
    }

    private Form scenarioForm(Context ctx, ScenarioForm.Choices choices) {
        if (ctx.queryParam("seed") == null) return ScenarioForm.blank(choices);
        Form form = Form.empty();
        for (String field : ScenarioForm.fields(choices)) {
            form.set(field, field.equals("alliance") ? String.join(",", ctx.queryParams("alliance")) : ctx.queryParam(field));
        }
        return form;
    }

    private void model(Context ctx) {
        long id = Web.id(ctx, "id");
        ResultsSets.ResultsSet set = sets.find(id).orElseThrow(NotFoundResponse::new);
        List<ConstituencyResult> results = sets.results(id);
        ScenarioForm.Choices choices = ScenarioForm.Choices.of(results);
        Form form = scenarioForm(ctx, choices);
        Outcome outcome = null;
        String problem = null;
        if (ctx.queryParam("seed") != null) {
            ScenarioForm.Model model = read(form, results, set);
            if (model != null) {
                try {
                    outcome = outcome(results, model, choices, set, ctx.queryString());
                } catch (ScenarioException e) {
                    problem = e.getMessage();
                }
            }
            if (form.hasErrors() || problem != null) ctx.status(422);
        }
        web.render(ctx, "elections/scenario.jte", web.page(ctx, "elections.scenario.title", set.name()), "set", set, "form", form,
                "choices", choices, "outcome", outcome, "problem", problem);
    }

    /** The form's model, with the STV groups of adjacent constituencies drawn from the set's map when the projection is asked for. */
    private ScenarioForm.Model read(Form form, List<ConstituencyResult> results, ResultsSets.ResultsSet set) {
        ScenarioForm.Model model = ScenarioForm.read(form, results);
        if (model == null || model.stvSize() == 0) return model;
        if (!set.hasMap()) {
            form.error("stvSize", "elections.model.error.stvNeedsMap");
            return null;
        }
        StvAssumption stv = model.scenario().stv();
        Map<String, List<String>> groups = StvGrouping.adjacent(results, sets.map(set.id()).orElseThrow(), model.stvSize());
        return new ScenarioForm.Model(model.scenario().withStv(new StvAssumption(groups, model.stvSize(), stv.transfers())), model.runs(), model.seed(), model.stvSize());
    }

    /** The engine's central outcome, and the Monte Carlo runs if the scenario asks for any. */
    private record Run(ScenarioResult central, MonteCarloResult monteCarlo) {
        static Run of(List<ConstituencyResult> results, ScenarioForm.Model model, boolean withMonteCarlo) {
            AllianceModel engine = new AllianceModel(results, model.scenario(), new Lot(model.seed()));
            ScenarioResult central = engine.central();
            return new Run(central, withMonteCarlo && model.runs() > 0 ? engine.monteCarlo(model.runs(), model.seed()) : null);
        }
    }

    private Outcome outcome(List<ConstituencyResult> results, ScenarioForm.Model model, ScenarioForm.Choices choices, ResultsSets.ResultsSet set, String query) {
        Run run = Run.of(results, model, true);
        ScenarioResult central = run.central();
        return new Outcome(central, run.monteCarlo(), ModellerSummary.seats(central, choices),
                ModellerSummary.proportional(central, choices, web.messages().get("elections.scenario.otherParties")),
                run.monteCarlo() == null ? List.of() : ModellerSummary.chances(run.monteCarlo(), choices),
                ParliamentArc.svg("arc-before", web.messages().get("elections.scenario.arcBefore"), central.seatsBefore(), choices::name),
                ParliamentArc.svg("arc-after", web.messages().get("elections.scenario.arcAfter"), central.seatsAfter(), choices::name),
                map(set, results, central, choices, "seat-map"), query);
    }

    private String map(ResultsSets.ResultsSet set, List<ConstituencyResult> results, ScenarioResult central, ScenarioForm.Choices choices, String id) {
        if (!set.hasMap()) return null;
        HexLayout layout = sets.map(set.id()).orElseThrow().matching(results);
        return HexMapSvg.render(layout, central.seats(), choices::name, new MapTexts(web), id);
    }

    /** The map's words, from the feature's messages. */
    private record MapTexts(Web web) implements HexMapSvg.Texts {
        public String title() {
            return web.messages().get("elections.map.title");
        }

        public String before() {
            return web.messages().get("elections.map.before");
        }

        public String after() {
            return web.messages().get("elections.map.after");
        }

        public String seat(String name, String before, String after, boolean changes) {
            return changes ? web.messages().get("elections.map.seatChanges", name, before, after) : web.messages().get("elections.map.seatHolds", name, before);
        }

        public String party(String name, int before, int after) {
            return web.messages().get("elections.map.party", name, before, after);
        }

        public String changes(int count) {
            return web.messages().get("elections.map.changes", count);
        }
    }

    private void download(Context ctx, String what) {
        long id = Web.id(ctx, "id");
        ResultsSets.ResultsSet set = sets.find(id).orElseThrow(NotFoundResponse::new);
        List<ConstituencyResult> results = sets.results(id);
        ScenarioForm.Choices choices = ScenarioForm.Choices.of(results);
        Form form = scenarioForm(ctx, choices);
        ScenarioForm.Model model;
        try {
            model = read(form, results, set);
        } catch (ScenarioException e) {
            model = null;
        }
        if (model == null || (what.equals("map.svg") && !set.hasMap())) {
            ctx.redirect("/elections/modeller/" + set.id() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"results-" + set.id() + "-" + what + "\"");
        try {
            if (what.equals("scenario.json")) {
                ctx.contentType("application/json").result(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ModelExport.scenario(model)));
                return;
            }
            Run run = Run.of(results, model, what.equals("results.json"));
            if (what.equals("map.svg")) {
                ctx.contentType("image/svg+xml; charset=utf-8").result(map(set, results, run.central(), choices, "seat-map"));
            } else if (what.equals("results.csv")) {
                ctx.contentType("text/csv; charset=utf-8").result(ModelExport.csv(run.central()));
            } else {
                ctx.contentType("application/json").result(JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ModelExport.results(run.central(), run.monteCarlo(), choices::name)));
            }
        } catch (ScenarioException e) {
            ctx.header("Content-Disposition", "inline");
            ctx.redirect("/elections/modeller/" + set.id() + "?" + ctx.queryString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
