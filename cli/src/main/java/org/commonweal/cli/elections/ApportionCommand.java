package org.commonweal.cli.elections;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.apportionment.Allocation;
import org.commonweal.elections.apportionment.ApportionmentMethod;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.apportionment.PartyVotes;
import org.commonweal.elections.apportionment.Threshold;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code commonweal elections apportion --method M --seats N [--threshold P] party=votes ...}. */
final class ApportionCommand implements Command {
    @Override
    public String name() {
        return "apportion";
    }

    @Override
    public String summary() {
        return "share seats among parties by votes (D'Hondt, Sainte-Laguë, Hare, Droop, ...)";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        String methods = String.join("|", ApportionmentMethod.all().stream().map(ApportionmentMethod::id).toList());
        if (args.contains("--help")) {
            console.out().println("Usage: commonweal elections apportion --method " + methods + " --seats N [--threshold PERCENT] [--seed S] [--json] PARTY=VOTES ...\n"
                    + "--threshold: a party needs at least this percentage of all votes given (exact comparison).\n"
                    + "Ties: more votes first, then lots drawn from --seed (default 1).");
            return 0;
        }
        Arguments o = Arguments.parse(args, Set.of("method", "seats", "threshold", "seed"), Set.of("json"));
        ApportionmentMethod method;
        try {
            method = ApportionmentMethod.byId(o.required("method"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int seats = (int) Arguments.wholeNumber("seats", o.required("seats"), 0, 1_000_000);
        Threshold threshold = threshold(o.text("threshold", "0"));
        List<PartyVotes> votes = new ArrayList<>();
        for (String word : o.positional()) votes.add(partyVotes(word));
        if (votes.isEmpty()) throw new UsageException("give at least one PARTY=VOTES");
        Allocation a;
        try {
            a = method.allocate(votes, seats, threshold, new Lot(o.number("seed", 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (o.has("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("method", method.id());
            out.put("seats", seats);
            out.put("threshold", threshold.percent());
            out.put("allocation", a.seats());
            out.put("elected", a.awardOrder());
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            console.out().printf("%s, %d seats%s%n", method.id(), seats, threshold.percent().signum() > 0 ? ", threshold " + threshold.percent().toPlainString() + "%" : "");
            for (PartyVotes pv : votes) console.out().printf("  %-16s %12d votes %5d seats%n", pv.party(), pv.votes(), a.seatsOf(pv.party()));
        }
        return 0;
    }

    private static Threshold threshold(String text) throws UsageException {
        try {
            return new Threshold(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new UsageException("--threshold expects a percentage such as 5 or 0.67, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--threshold: " + e.getMessage());
        }
    }

    private static PartyVotes partyVotes(String word) throws UsageException {
        int eq = word.lastIndexOf('=');
        if (eq <= 0) throw new UsageException("expected PARTY=VOTES, got '" + word + "'");
        String party = word.substring(0, eq);
        return new PartyVotes(party, Arguments.wholeNumberOf("votes of '" + party + "'", word.substring(eq + 1), 0, PartyVotes.MAX_VOTES));
    }
}
