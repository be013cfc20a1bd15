package org.commonweal.platform.library;

import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.DeliveryService;
import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.budgets.Pot;
import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.budgets.ProposalService;
import org.commonweal.platform.consultations.Consultation;
import org.commonweal.platform.consultations.ConsultationService;
import org.commonweal.platform.consultations.ConsultationsFeature;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.commonweal.platform.problems.Problem;
import org.commonweal.platform.problems.ProblemService;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One step to a story from what it came from, through the other features' published services (never their tables):
 * a delivered budget project (title, description, place, theme, cost in pounds), a solved problem (title, description,
 * place, theme, the officer's word on how it was solved) or a finished consultation whose "you said, we did" is
 * published (title, body, place, the outcome of each workstream). The form links back to the source; the writer adds
 * the rest. Anything not yet delivered, solved or reported gives no prefill.
 */
final class StoryPrefill {
    private final ProposalService proposals;
    private final BudgetService budgets;
    private final DeliveryService delivery;
    private final Subjects subjects;

    private final ProblemService problems;
    private final ConsultationService consultations;

    StoryPrefill(ProposalService proposals, BudgetService budgets, DeliveryService delivery, ProblemService problems,
                 ConsultationService consultations, Subjects subjects) {
        this.proposals = proposals;
        this.problems = problems;
        this.consultations = consultations;
        this.budgets = budgets;
        this.delivery = delivery;
        this.subjects = subjects;
    }

    boolean delivered(long proposalId) {
        return delivery.updates(proposalId).stream().findFirst().map(u -> u.status().equals("done")).orElse(false);
    }

    /** The form of a new story about this project, or empty when there is no such project or it is not delivered. */
    Optional<Form> fromDeliveredProject(long proposalId) {
        Optional<Proposal> found = proposals.find(proposalId).filter(p -> !p.status().equals("withdrawn")).filter(p -> delivered(p.id()));
        if (found.isEmpty()) return Optional.empty();
        Proposal p = found.get();
        String currency = budgets.pot(p.potId()).map(Pot::currency).orElse(StoryService.CURRENCY);
        String summary = cut(p.description(), 1000);
        Form form = Form.empty().set("title", p.title()).set("summary", summary).set("place", String.valueOf(p.placeId()))
                .set("theme", p.theme()).set("purpose", "deliver_services").set("sourceKind", "proposal").set("sourceId", String.valueOf(p.id()));
        // Stories keep money in pounds; a project budgeted in another currency leaves the cost for the writer.
        if (currency.equals(StoryService.CURRENCY)) form.set("cost", Money.plain(p.cost(), currency));
        return Optional.of(form);
    }

    /** The form of a new story about how this problem was solved, or empty when there is no such problem or it is not solved. */
    Optional<Form> fromSolvedProblem(long problemId) {
        Optional<Problem> found = problems.find(problemId).filter(p -> p.status().equals("solved"));
        if (found.isEmpty()) return Optional.empty();
        Problem p = found.get();
        Form form = Form.empty().set("title", cut(p.title(), 200)).set("summary", cut(p.description(), 1000)).set("problem", cut(p.description(), 5000))
                .set("place", String.valueOf(p.placeId())).set("theme", p.theme()).set("sourceKind", "problem").set("sourceId", String.valueOf(p.id()));
        if (p.statusReason() != null) form.set("outcomes", cut(p.statusReason(), 5000));
        return Optional.of(form);
    }

    /**
     * The form of a new story about a finished consultation and what came of it, or empty when there is no such
     * consultation or its "you said, we did" is not published.
     */
    Optional<Form> fromConsultation(long consultationId) {
        LocalDate today = LocalDate.now(ConsultationsFeature.ZONE);
        Optional<Consultation> found = consultations.find(consultationId).filter(c -> c.outcomePublished() && c.finished(today));
        if (found.isEmpty()) return Optional.empty();
        Consultation c = found.get();
        String saidAndDid = consultations.structure(c.id()).stream().filter(w -> w.outcome() != null)
                .map(w -> w.title() + ": " + w.outcome().strip()).collect(Collectors.joining("\n\n"));
        Form form = Form.empty().set("title", cut(c.title(), 200)).set("summary", cut(c.paragraphs().stream().findFirst().orElse(c.title()), 1000))
                .set("problem", cut(c.body().strip(), 5000)).set("purpose", "influence_decisions").set("outcomes", cut(saidAndDid, 5000))
                .set("startedOn", c.opensOn().toString()).set("endedOn", (c.closedEarly() ? c.closedOn() : c.closesOn()).toString())
                .set("sourceKind", "consultation").set("sourceId", String.valueOf(c.id()));
        if (c.placeId() != null) form.set("place", c.placeId().toString());
        return Optional.of(form);
    }

    /** Text cut to fit a story's field, marked as cut. */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** What the story came from, as that feature shows it (its title and page); empty when it is gone. */
    Optional<SubjectInfo> source(Story s) {
        if (s.sourceKind() == null) return Optional.empty();
        return subjects.find(new Subject(s.sourceKind(), s.sourceId()));
    }
}
