package org.commonweal.cli.elections;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.ProgressBar;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.blt.BltElection;
import org.commonweal.elections.stv.CountReport;
import org.commonweal.elections.stv.CountReportHtml;
import org.commonweal.elections.stv.CountReportJson;
import org.commonweal.elections.stv.CountReportText;
import org.commonweal.elections.stv.CountingRule;
import org.commonweal.elections.stv.CountingRules;
import org.commonweal.elections.stv.Election;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code commonweal elections count FILE.blt|DIR... [--rule R] [--seats N] [--seed N] [--format F] [--json]}:
 * counts BLT ballot files and prints the stage-by-stage report (one file) or one line per file (several).
 */
public final class CountCommand implements Command {
    private static final String USAGE = """
            Usage: commonweal elections count FILE.blt|DIR... [options]
              --rule scottish|meek|wigm|irv   counting rule (default scottish; irv always fills one seat)
              --seats N                       seats to fill (default: the number in the file)
              --seed N                        seed of the lottery for ties the rules cannot settle (default 0)
              --format text|json|html         report format (default text)
              --json                          same as --format json
            A directory stands for every .blt file in it. With several files the text output is one line each,
            JSON is {"files":[{"file":..., <report>}, ...], "errors":[{"file":..., "error":...}, ...]} and a
            progress bar is shown on stderr. A file that cannot be counted is reported on stderr, the others
            are still counted, and the exit code is 2.""";

    @Override
    public String name() {
        return "count";
    }

    @Override
    public String summary() {
        return "count BLT ballot files by STV (scottish, meek, wigm) or instant-runoff (irv)";
    }

    private record Options(List<Path> files, CountingRule rule, Integer seats, long seed, String format) {
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println(USAGE);
            return 0;
        }
        Options o = parse(args);
        if (o.files().size() == 1) {
            CountReport report = count(o.files().getFirst(), o);
            console.out().print(render(report, o.format()));
            if (!o.format().equals("text")) console.out().println();
            return 0;
        }
        // One bad file must not cost the others their count: each is counted or reported, and the exit code says which.
        List<String> outputs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (ProgressBar bar = console.progress("counting", o.files().size())) {
            for (Path f : o.files()) {
                String name = f.getFileName().toString();
                try {
                    CountReport r = count(f, o);
                    outputs.add(switch (o.format()) {
                        case "json" -> "{\"file\":" + json.writeValueAsString(name) + "," + CountReportJson.render(r).substring(1);
                        case "html" -> CountReportHtml.render(r);
                        default -> name + ": " + String.join(", ", r.electedNames()) + " (quota " + r.format(r.quota()) + ", "
                                + r.stages().size() + " stages)";
                    });
                } catch (UsageException e) {
                    errors.add(o.format().equals("json") ? "{\"file\":" + json.writeValueAsString(name) + ",\"error\":"
                            + json.writeValueAsString(e.getMessage()) + "}" : e.getMessage());
                }
                bar.step(name);
            }
        }
        switch (o.format()) {
            case "json" -> console.out().println("{\"files\":[" + String.join(",", outputs) + "],\"errors\":[" + String.join(",", errors) + "]}");
            case "html" -> console.out().print(String.join("", outputs));
            default -> outputs.forEach(console.out()::println);
        }
        if (errors.isEmpty()) return 0;
        if (!o.format().equals("json")) errors.forEach(e -> console.err().println("commonweal elections: " + e));
        console.err().println("commonweal elections: " + errors.size() + " of " + o.files().size() + " files could not be counted");
        return 2;
    }

    private static String render(CountReport r, String format) {
        return switch (format) {
            case "json" -> CountReportJson.render(r);
            case "html" -> CountReportHtml.render(r);
            default -> CountReportText.render(r);
        };
    }

    private static CountReport count(Path file, Options o) throws UsageException {
        BltElection blt = BltFiles.read(file);
        int seats = o.rule().name().equals("irv") ? 1 : o.seats() != null ? o.seats() : blt.seats();
        int standing = blt.candidates().size() - blt.withdrawn().size();
        if (seats > standing) {
            throw new UsageException(file.getFileName() + ": " + seats + " seats but only " + standing + " standing candidates");
        }
        try {
            return o.rule().count(Election.fromBlt(blt, seats), o.seed());
        } catch (IllegalArgumentException e) {
            throw new UsageException(file.getFileName() + ": " + e.getMessage());
        }
    }

    private static Options parse(List<String> args) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("rule", "seats", "seed", "format"), Set.of("json"));
        String ruleName = a.text("rule", "scottish");
        CountingRule rule = CountingRules.byName(ruleName).orElseThrow(() -> new UsageException(
                "unknown rule '" + ruleName + "' (expected one of " + String.join(", ", CountingRules.names()) + ")"));
        Integer seats = a.has("seats") ? a.integer("seats", 0, 1, 100_000) : null;
        long seed = a.number("seed", 0);
        String format = a.text("format", "text");
        if (!List.of("text", "json", "html").contains(format)) {
            throw new UsageException("unknown format '" + format + "' (expected text, json or html)");
        }
        if (a.has("json")) format = "json";
        List<Path> files = new ArrayList<>();
        for (String word : a.positional()) files.addAll(BltFiles.expand(Path.of(word)));
        if (files.isEmpty()) throw new UsageException("no ballot file given. Run 'commonweal elections count --help'.");
        if (rule.name().equals("irv") && seats != null && seats != 1) {
            throw new UsageException("--rule irv fills one seat; --seats " + seats + " needs an STV rule");
        }
        return new Options(files, rule, seats, seed, format);
    }
}
