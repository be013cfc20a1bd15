package org.commonweal.platform.consultations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The owner's analysis: figures and charts per question (optionally for one place), free-text answers by page, and the CSV export. */
final class ResultsRoutes implements Routes {
    private final Web web;
    private final ConsultationService consultations;
    private final ObjectKind consultation;
    private final Analysis analysis;
    private final ResponsesCsv csv;
    private final PlaceService places;
    private final ConversationQuestions conversations;

    ResultsRoutes(Web web, ConsultationService consultations, ObjectKind consultation, Analysis analysis, ResponsesCsv csv, PlaceService places,
                  ConversationQuestions conversations) {
        this.conversations = conversations;
        this.web = web;
        this.consultations = consultations;
        this.consultation = consultation;
        this.analysis = analysis;
        this.csv = csv;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        Access owner = Access.owner(consultation);
        r.get("/consultations/{id}/results", this::results, owner, Role.OFFICER, Role.ORGANISER);
        r.get("/consultations/{id}/results/questions/{question}", this::texts, owner, Role.OFFICER, Role.ORGANISER);
        r.get("/consultations/{id}/responses.csv", this::export, owner, Role.OFFICER, Role.ORGANISER);
    }

    private Consultation owned(Context ctx) {
        return ManageRoutes.owned(ctx, consultations);
    }

    /** The place filter: a known place gives it and the places inside it; anything else means everywhere. */
    private Optional<Place> place(Context ctx) {
        return ConsultationService.parseId(ctx.queryParam("place")).flatMap(places::find);
    }

    private List<Question> questions(long id) {
        return consultations.structure(id).stream().flatMap(w -> w.questions().stream()).toList();
    }

    private void results(Context ctx) {
        Consultation c = owned(ctx);
        Optional<Place> place = place(ctx);
        Set<Long> within = place.map(p -> places.within(p.id())).orElse(null);
        List<Workstream> streams = consultations.structure(c.id());
        web.render(ctx, "consultations/results.jte", web.page(ctx, "consultations.results.title", c.title()), "c", c,
                "workstreams", streams, "result", analysis.results(c.id(), questions(c.id()), within), "findings", conversations.findings(streams),
                "places", places.tree(), "place", place.orElse(null));
    }

    private void texts(Context ctx) {
        Consultation c = owned(ctx);
        Question q = questions(c.id()).stream().filter(x -> x.id() == Web.id(ctx, "question") && x.kind().equals("text")).findFirst()
                .orElseThrow(NotFoundResponse::new);
        Optional<Place> place = place(ctx);
        int pageNo = ConsultationService.parseId(ctx.queryParam("page")).map(n -> (int) Math.min(n, 100_000)).orElse(0);
        List<Analysis.TextAnswer> found = analysis.texts(q.id(), place.map(p -> places.within(p.id())).orElse(null), pageNo);
        web.render(ctx, "consultations/texts.jte", web.page(ctx, "consultations.texts.title", String.valueOf(q.number())), "c", c, "q", q,
                "answers", found.subList(0, Math.min(found.size(), Analysis.TEXT_PAGE)), "hasNext", found.size() > Analysis.TEXT_PAGE, "pageNo", pageNo,
                "place", place.orElse(null));
    }

    private void export(Context ctx) throws java.io.IOException {
        Consultation c = owned(ctx);
        StringWriter out = new StringWriter();
        csv.write(c.id(), questions(c.id()).stream().filter(Question::answerable).toList(), out);
        ctx.header("Content-Disposition", "attachment; filename=\"consultation-" + c.id() + "-responses.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(out.toString());
    }
}
