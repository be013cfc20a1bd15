package org.commonweal.platform.grants;

import org.commonweal.platform.budgets.BudgetProcess;
import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.budgets.ReadyBallot;
import org.commonweal.platform.budgets.ResultService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands a programme's decision to residents as a participatory budget, through the budgets feature's published services
 * (never its tables): a process and a pot the size of the programme's pot, one proposal per shortlisted application (its
 * title, purpose and the amount asked, costed as asked), opened for voting, in the same transaction as the programme's
 * own change ({@link ReadyBallot}). Once the budget's results are out, the
 * selected proposals become awards and the others are declined, each applicant told.
 */
final class Handoff {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final BudgetService budgets;
    private final ReadyBallot ballot;
    private final ResultService results;
    private final Groups groups;
    private final Assessment assessment;
    private final Messages messages;

    Handoff(Jdbi jdbi, AuditLog audit, BudgetService budgets, ReadyBallot ballot, ResultService results, Groups groups, Assessment assessment,
            Messages messages) {
        this.messages = messages;
        this.jdbi = jdbi;
        this.audit = audit;
        this.budgets = budgets;
        this.ballot = ballot;
        this.results = results;
        this.groups = groups;
        this.assessment = assessment;
    }

    /**
     * Creates the budget from the shortlisted applications (the form's "shortlist", application ids), which must be
     * submitted and undecided; the programme must not have been handed over already.
     */
    Optional<Refusal> handOver(Programme p, List<Application> submitted, List<Long> shortlist, Form form, Actor actor) {
        if (p.handedToResidents()) {
            form.error("shortlist", "grants.error.handoff.done");
            return Optional.of(Refusal.ALREADY_DONE);
        }
        List<Application> chosen = submitted.stream().filter(a -> a.awaitingDecision() && shortlist.contains(a.id())).toList();
        if (chosen.isEmpty() || chosen.size() != shortlist.size()) {
            form.error("shortlist", "grants.error.handoff.shortlist");
            return Optional.of(Refusal.INVALID);
        }
        Form about = Form.empty().set("title", p.title()).set("place", String.valueOf(p.placeId())).set("summary", p.description());
        Form pot = Form.empty().set("name", p.title()).set("place", String.valueOf(p.placeId())).set("amount", Money.plain(p.pot(), p.currency()))
                .set("currency", p.currency()).set("ballotType", "approval").set("rule", "greedy").set("tieBreak", "").set("tieSeed", String.valueOf(p.id()));
        List<ReadyBallot.Entry> entries = new ArrayList<>();
        for (Application a : chosen) {
            String title = groups.name(a.groupId()).map(n -> n + ": ").orElse("") + a.title();
            // A proposal's title holds 200 characters; a long group name gives way to the application's own title.
            if (title.length() > 200) title = a.title();
            Form proposal = Form.empty().set("title", title).set("description", a.purpose())
                    .set("theme", theme(p)).set("place", String.valueOf(p.placeId())).set("estimatedCost", Money.plain(a.amount(), p.currency()));
            entries.add(new ReadyBallot.Entry(a.applicantId() != null ? a.applicantId() : actor.accountId(), proposal));
        }
        // One transaction for the budget and the programme: a failure half way leaves neither a budget nor applications marked as handed over.
        return jdbi.inTransaction(h -> {
            // Two officers at once: the second finds the programme handed over and makes no second budget.
            if (h.createQuery("SELECT budget_process_id IS NOT NULL FROM grant_programmes WHERE id = :p FOR UPDATE").bind("p", p.id()).mapTo(Boolean.class).one()) {
                form.error("shortlist", "grants.error.handoff.done");
                return Optional.of(Refusal.ALREADY_DONE);
            }
            ReadyBallot.Opened opened = ballot.open(h, about, pot, entries, actor);
            h.createUpdate("UPDATE grant_programmes SET budget_process_id = :b, budget_pot_id = :pot WHERE id = :p")
                    .bind("b", opened.processId()).bind("pot", opened.potId()).bind("p", p.id()).execute();
            for (int i = 0; i < chosen.size(); i++) {
                h.createUpdate("UPDATE grant_applications SET status = 'with_residents', proposal_id = :pr, updated_at = now() WHERE id = :id")
                        .bind("pr", opened.proposalIds().get(i)).bind("id", chosen.get(i).id()).execute();
            }
            audit.record(h, actor, "grants.programme.handed_to_residents", "grant-programme:" + p.id(), "budget:" + opened.processId() + " pot:" + opened.potId());
            return Optional.<Refusal>empty();
        });
    }

    /** The proposal's theme: the programme's first eligible theme, else the budgets' "community". */
    private static String theme(Programme p) {
        return p.themes().stream().filter(Proposal.THEMES::contains).findFirst().orElse("community");
    }

    /** The budget process the programme was handed to, if any. */
    Optional<BudgetProcess> process(Programme p) {
        return p.budgetProcessId() == null ? Optional.empty() : budgets.process(p.budgetProcessId());
    }

    /**
     * Records the residents' decision once the budget's results are published: each selected proposal's application is
     * awarded its cost, the others declined; refused (closed) while the vote is still running.
     */
    Optional<Refusal> recordResults(Programme p, List<Application> withResidents, Actor actor) {
        Optional<BudgetProcess> process = process(p);
        if (process.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!process.get().phase().resultsPublished()) return Optional.of(Refusal.CLOSED);
        Map<Long, ResultService.Row> byProposal = new HashMap<>();
        for (ResultService.Row row : results.rows(p.budgetPotId())) byProposal.put(row.proposal().id(), row);
        Map<Application, Long> decided = new HashMap<>();
        jdbi.useTransaction(h -> {
            for (Application a : withResidents) {
                ResultService.Row row = a.proposalId() == null ? null : byProposal.get(a.proposalId());
                Long amount = row != null && row.funded() ? row.cost() : null;
                if (Assessment.record(h, a.id(), amount, messages.get(amount == null ? "grants.reason.notSelected" : "grants.reason.selected", process.get().title()), a.proposalId()) == 1) {
                    decided.put(a, amount);
                }
            }
            audit.record(h, actor, "grants.programme.results_recorded", "grant-programme:" + p.id(), decided.size() + " decisions");
        });
        decided.forEach((a, amount) -> assessment.notify(p, a, amount, actor));
        return Optional.empty();
    }
}
