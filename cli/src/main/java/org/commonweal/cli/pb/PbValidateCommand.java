package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.pb.pabulib.BallotViolation;
import org.commonweal.pb.pabulib.ValidatedInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code commonweal pb validate FILE.pb}: every ballot that breaks the rules the file's META sets, with its
 * line. Exit 1 when any does, so that a script can refuse a file before counting it.
 */
final class PbValidateCommand implements Command {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "list every ballot that breaks the file's own rules, with its line: FILE.pb [--json]";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("""
                    Usage: commonweal pb validate FILE.pb [--json]
                    Checks each ballot against the file's META (min_length, max_length, min_sum_cost, max_sum_cost,
                    min_sum_points, max_sum_points, max_points) and for a repeated voter_id or a project listed twice.
                    Prints one line per violation and a summary; exit 1 when any ballot is invalid.""");
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of(), Set.of("json"));
        if (a.positional().size() != 1) throw new UsageException("validate needs exactly one FILE.pb, got " + a.positional().size());
        String path = a.positional().get(0);
        ValidatedInstance read = PbFiles.readValidated(path);
        int ballots = read.instance().ballots().size();
        if (a.has("json")) {
            ObjectNode root = OutcomeJson.MAPPER.createObjectNode();
            root.put("file", Path.of(path).getFileName().toString());
            root.put("ballots", ballots);
            root.put("invalid_ballots", read.invalidBallots());
            ArrayNode list = root.putArray("violations");
            for (BallotViolation v : read.violations()) {
                ObjectNode item = list.addObject();
                item.put("line", v.line());
                item.put("voter_id", v.voterId());
                item.put("problem", v.problem());
            }
            console.out().println(OutcomeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            for (BallotViolation v : read.violations()) console.out().println(path + ":" + v.line() + ": voter '" + v.voterId() + "' " + v.problem());
            console.out().printf("%s: %,d ballots, %,d invalid (%,d violations)%n", path, ballots, read.invalidBallots(), read.violations().size());
        }
        return read.invalidBallots() > 0 ? 1 : 0;
    }
}
