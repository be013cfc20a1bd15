package org.commonweal.cli.elections;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.FirstPastThePost;
import org.commonweal.elections.fptp.Winner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code commonweal elections fptp RESULTS.csv [--json] [--seed S]}: first past the post, seats per party. */
final class FptpCommand implements Command {
    @Override
    public String name() {
        return "fptp";
    }

    @Override
    public String summary() {
        return "first past the post from constituency results: seats per party";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("Usage: commonweal elections fptp RESULTS.csv [--json] [--seed S]\n"
                    + "RESULTS.csv: House of Commons Library by-constituency or by-candidate layout, or constituency,region,party,votes.\n"
                    + "--seed S seeds the drawing of lots for an equality of votes (default 1).");
            return 0;
        }
        Arguments o = Arguments.parse(args, Set.of("seed"), Set.of("json"));
        if (o.positional().size() != 1) throw new UsageException("expected one results file, got " + o.positional().size() + " (see --help)");
        List<Winner> winners = FirstPastThePost.winners(ResultsFileReader.read(o.positional().get(0)), new Lot(o.number("seed", 1)));
        Map<String, Integer> seats = FirstPastThePost.seats(winners);
        if (o.has("json")) {
            List<Map<String, Object>> elected = new ArrayList<>();
            for (Winner w : winners) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("constituency", w.constituency().id());
                e.put("name", w.constituency().name());
                e.put("region", w.constituency().region());
                e.put("party", w.party());
                e.put("candidate", w.candidate().candidate());
                e.put("votes", w.candidate().votes());
                e.put("majority", w.majority());
                elected.add(e);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("constituencies", winners.size());
            out.put("seats", seats);
            out.put("elected", elected);
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            console.out().printf("%d constituencies, first past the post%n", winners.size());
            seats.forEach((party, n) -> console.out().printf("  %-12s %4d%n", party, n));
        }
        return 0;
    }
}
