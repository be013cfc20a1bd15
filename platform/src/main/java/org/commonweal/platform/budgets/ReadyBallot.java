package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;

/**
 * A participatory budget opened straight for voting on a shortlist another feature made (grants hand an officer's
 * decision to residents this way): the process, its one pot, each proposal submitted and costed feasible at its estimate,
 * then voting opened. All of it runs in the caller's transaction, so the caller's own changes and the budget commit
 * together or not at all: a refusal or failure half way leaves no process, pot or proposal behind.
 */
public final class ReadyBallot {
    /** One shortlisted proposal: its author and the fields {@link ProposalService#submit} reads. */
    public record Entry(long authorId, Form proposal) {
    }

    /** What was made: the process, its pot and the proposals in the order of the entries. */
    public record Opened(long processId, long potId, List<Long> proposalIds) {
    }

    private final BudgetService budgets;
    private final ProposalService proposals;

    ReadyBallot(BudgetService budgets, ProposalService proposals) {
        this.budgets = budgets;
        this.proposals = proposals;
    }

    /**
     * Opens the budget in {@code h}: {@code process} has the fields of {@link BudgetService#createProcess}, {@code pot}
     * those of {@link BudgetService#createPot}. The caller has already checked what it hands over, so a refused form is
     * a fault: it throws, naming the form and its errors, and the caller's transaction rolls back. Nobody is told (a
     * new process has no followers yet; the caller tells its own people after it commits).
     */
    public Opened open(Handle h, Form process, Form pot, List<Entry> entries, Actor actor) {
        long processId = budgets.createProcess(h, process, actor).orElseThrow(() -> refused("process", process));
        long potId = budgets.savePot(h, processId, null, pot, actor).orElseThrow(() -> refused("pot", pot));
        budgets.advanceTo(h, processId, Phase.IDEAS, actor);
        List<Long> ids = new ArrayList<>();
        for (Entry e : entries) ids.add(proposals.submit(h, potId, e.authorId(), e.proposal(), actor).orElseThrow(() -> refused("proposal", e.proposal())));
        budgets.advanceTo(h, processId, Phase.FEASIBILITY, actor);
        for (int i = 0; i < ids.size(); i++) {
            Form costed = Form.empty().set("decision", "feasible").set("councilCost", entries.get(i).proposal().value("estimatedCost"));
            if (proposals.assess(h, ids.get(i), costed, actor).isPresent()) throw refused("costing", costed);
        }
        budgets.advanceTo(h, processId, Phase.VOTING, actor);
        return new Opened(processId, potId, List.copyOf(ids));
    }

    private static IllegalArgumentException refused(String what, Form form) {
        return new IllegalArgumentException("the budget refused the " + what + ": " + form.errors());
    }
}
