package org.commonweal.platform.library;

import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.DeliveryService;
import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.budgets.Pot;
import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.budgets.ProposalService;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;

import java.util.Optional;

/**
 * One step from a delivered budget project to a story: what the budget already knows (title, description, place,
 * theme, cost in pounds, the link back) fills the form, through the budgets' published services; the writer adds the
 * approach and outcomes. Only a project whose latest delivery update says it is done qualifies.
 */
final class StoryPrefill {
    private final ProposalService proposals;
    private final BudgetService budgets;
    private final DeliveryService delivery;
    private final Subjects subjects;

    StoryPrefill(ProposalService proposals, BudgetService budgets, DeliveryService delivery, Subjects subjects) {
        this.proposals = proposals;
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
        String summary = p.description().length() <= 1000 ? p.description() : p.description().substring(0, 999) + "…";
        Form form = Form.empty().set("title", p.title()).set("summary", summary).set("place", String.valueOf(p.placeId()))
                .set("theme", p.theme()).set("purpose", "deliver_services").set("sourceKind", "proposal").set("sourceId", String.valueOf(p.id()));
        // Stories keep money in pounds; a project budgeted in another currency leaves the cost for the writer.
        if (currency.equals(StoryService.CURRENCY)) form.set("cost", Money.plain(p.cost(), currency));
        return Optional.of(form);
    }

    /** What the story came from, as that feature shows it (its title and page); empty when it is gone. */
    Optional<SubjectInfo> source(Story s) {
        if (s.sourceKind() == null) return Optional.empty();
        return subjects.find(new Subject(s.sourceKind(), s.sourceId()));
    }
}
