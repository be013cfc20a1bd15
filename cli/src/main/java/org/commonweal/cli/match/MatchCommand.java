package org.commonweal.cli.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.matching.Explanations;
import org.commonweal.matching.HelpRequest;
import org.commonweal.matching.Instance;
import org.commonweal.matching.Match;
import org.commonweal.matching.Matcher;
import org.commonweal.matching.Matching;
import org.commonweal.matching.Volunteer;
import org.commonweal.matching.io.InstanceReader;
import org.commonweal.matching.io.MatchingInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code commonweal match FILE.json [--json]}: the best assignment of volunteers to help requests (the most requests
 * served, then the least travel), each explained, beside what cheapest-first would have done. The JSON output is a
 * contract (docs/cli.md).
 */
public final class MatchCommand implements Command {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "match";
    }

    @Override
    public String summary() {
        return "match volunteers to help requests: the most served, then the least travel, each explained: FILE.json [--json]";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("""
                    Usage: commonweal match FILE.json [--json]
                    Reads volunteers and requests (the shape is in docs/cli.md), keeps only the pairs that meet every
                    hard rule (skills, DBS level, a shared language, a shared time slot, distance within the volunteer's
                    radius, the gender asked for), and finds the assignment that serves the most requests and, among
                    those, travels the least; a volunteer takes at most their capacity. Each match and each request left
                    without a volunteer is explained. Exit 0 on success, 2 on bad arguments or input.""");
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of(), Set.of("json"));
        if (a.positional().size() != 1) throw new UsageException("match needs exactly one FILE.json, got " + a.positional().size());
        Path file = Path.of(a.positional().getFirst());
        Instance instance = read(file);
        Matching optimal = Matcher.optimal(instance);
        Map<String, Volunteer> volunteers = instance.volunteers().stream().collect(Collectors.toMap(Volunteer::id, Function.identity()));
        Map<String, HelpRequest> requests = instance.requests().stream().collect(Collectors.toMap(HelpRequest::id, Function.identity()));
        if (a.has("json")) {
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode matches = root.putArray("matches");
            for (Match m : optimal.matches()) {
                ObjectNode item = matches.addObject();
                item.put("request", m.request());
                item.put("volunteer", m.volunteer());
                item.put("costKm", m.costKm());
                ArrayNode why = item.putArray("why");
                Explanations.whyMatched(volunteers.get(m.volunteer()), requests.get(m.request())).forEach(why::add);
            }
            ArrayNode unmatched = root.putArray("unmatched");
            for (String id : optimal.unmatched()) {
                ObjectNode item = unmatched.addObject();
                item.put("request", id);
                ArrayNode reasons = item.putArray("reasons");
                Explanations.whyNot(instance, requests.get(id)).forEach(reasons::add);
            }
            root.put("matched", optimal.matched());
            root.put("totalCostKm", optimal.totalKm());
            Matching greedy = Matcher.greedy(instance);
            ObjectNode baseline = root.putObject("greedy");
            baseline.put("matched", greedy.matched());
            baseline.put("totalCostKm", greedy.totalKm());
            console.out().println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return 0;
        }
        for (Match m : optimal.matches()) {
            console.out().printf(Locale.UK, "%s: %s — %s%n", m.request(), m.volunteer(),
                    String.join("; ", Explanations.whyMatched(volunteers.get(m.volunteer()), requests.get(m.request()))));
        }
        for (String id : optimal.unmatched()) {
            console.out().printf("%s: no volunteer — %s%n", id, String.join("; ", Explanations.whyNot(instance, requests.get(id))));
        }
        Matching greedy = Matcher.greedy(instance);
        console.out().printf(Locale.UK, "Matched %,d of %,d requests with %,.1f km of travel in all.%n", optimal.matched(), instance.requests().size(), optimal.totalKm());
        console.out().printf(Locale.UK, "Cheapest pair first would have matched %,d with %,.1f km.%n", greedy.matched(), greedy.totalKm());
        return 0;
    }

    private static Instance read(Path file) throws UsageException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return InstanceReader.read(in);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (MatchingInputException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }
}
