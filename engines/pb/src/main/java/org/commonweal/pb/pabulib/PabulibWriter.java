package org.commonweal.pb.pabulib;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Instance} as a pabulib {@code .pb} file that {@link PabulibReader} reads back to the
 * same instance. Ids, costs, budget, votes and points come from the model; every other value from the
 * kept columns. An amount is written as the file had it ("4000.0") while it still equals the model's value.
 * Lines end in '\n'; a value containing ';', a line break or a leading quote is quoted.
 */
public final class PabulibWriter {
    private PabulibWriter() {
    }

    public static void write(Instance instance, Writer out) throws IOException {
        out.write("META\nkey;value\n");
        for (Map.Entry<String, String> e : instance.meta().entrySet()) {
            String value = e.getKey().equals("budget") ? amount(e.getValue(), instance.budget(), instance) : e.getValue();
            row(out, List.of(e.getKey(), value));
        }
        if (!instance.meta().containsKey("budget")) row(out, List.of("budget", instance.toCurrency(instance.budget()).toPlainString()));

        List<String> projectColumns = withRequired(instance.projectColumns(), List.of("project_id", "cost"));
        out.write("PROJECTS\n");
        row(out, projectColumns);
        List<String> values = new ArrayList<>();
        for (Project p : instance.projects()) {
            values.clear();
            for (String column : projectColumns) {
                values.add(switch (column) {
                    case "project_id" -> p.id();
                    case "cost" -> amount(p.columns().get("cost"), p.cost(), instance);
                    default -> p.columns().getOrDefault(column, "");
                });
            }
            row(out, values);
        }

        List<String> required = instance.voteType().hasPoints() ? List.of("voter_id", "vote", "points") : List.of("voter_id", "vote");
        List<String> voteColumns = withRequired(instance.voteColumns(), required);
        out.write("VOTES\n");
        row(out, voteColumns);
        for (Ballot b : instance.ballots()) {
            values.clear();
            for (String column : voteColumns) {
                values.add(switch (column) {
                    case "voter_id" -> b.voterId();
                    case "vote" -> PabulibCsv.joinIds(instance.projects(), b.projects());
                    case "points" -> b.points() != null ? PabulibCsv.joinPoints(b.points(), instance.pointScale()) : b.columns().getOrDefault(column, "");
                    default -> b.columns().getOrDefault(column, "");
                });
            }
            row(out, values);
        }
        out.flush();
    }

    /** Keeps the file's own spelling of an amount while it still means {@code scaled}. */
    private static String amount(String asWritten, long scaled, Instance instance) {
        if (asWritten != null) {
            try {
                if (PabulibCsv.parseAmount(asWritten).movePointRight(instance.costScale()).compareTo(BigDecimal.valueOf(scaled)) == 0) {
                    return asWritten;
                }
            } catch (NumberFormatException e) {
                // the kept text is not a number: the model's value replaces it below
            }
        }
        return instance.toCurrency(scaled).toPlainString();
    }

    private static List<String> withRequired(List<String> columns, List<String> required) {
        List<String> all = new ArrayList<>();
        for (String r : required) if (!columns.contains(r)) all.add(r);
        all.addAll(columns);
        return all;
    }

    private static void row(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.write(';');
            out.write(PabulibCsv.quote(values.get(i)));
        }
        out.write('\n');
    }
}
