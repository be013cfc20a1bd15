package org.commonweal.pb.pabulib;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One flat RFC 4180 CSV table of an instance for spreadsheets and data tools: a row per (voter, project
 * on that voter's ballot) with the voter's columns, the project's position on the ballot, its points
 * (1 for approval and ordinal ballots) and the project's columns prefixed {@code project_}; a project
 * nobody voted for still gets one row, with the voter fields empty.
 */
public final class FlatCsvWriter {
    private FlatCsvWriter() {
    }

    public static void write(Instance instance, Writer out) throws IOException {
        List<String> voterColumns = new ArrayList<>();
        for (String c : instance.voteColumns()) if (!c.equals("vote") && !c.equals("points")) voterColumns.add(c);
        if (!voterColumns.contains("voter_id")) voterColumns.add(0, "voter_id");
        List<String> projectColumns = new ArrayList<>();
        for (String c : instance.projectColumns()) if (!c.equals("project_id")) projectColumns.add(c);

        List<String> header = new ArrayList<>(voterColumns);
        header.add("project_id");
        header.add("position");
        header.add("points");
        for (String c : projectColumns) header.add("project_" + c);
        row(out, header);

        boolean[] voted = new boolean[instance.projects().size()];
        List<String> values = new ArrayList<>(header.size());
        for (Ballot b : instance.ballots()) {
            for (int i = 0; i < b.size(); i++) {
                int p = b.projects()[i];
                voted[p] = true;
                values.clear();
                for (String c : voterColumns) values.add(c.equals("voter_id") ? b.voterId() : b.columns().getOrDefault(c, ""));
                addProject(values, instance, p, String.valueOf(i + 1), instance.toPoints(b.pointsAt(i)).toPlainString(), projectColumns);
                row(out, values);
            }
        }
        for (int p = 0; p < voted.length; p++) {
            if (voted[p]) continue;
            values.clear();
            for (int i = 0; i < voterColumns.size(); i++) values.add("");
            addProject(values, instance, p, "", "", projectColumns);
            row(out, values);
        }
        out.flush();
    }

    private static void addProject(List<String> values, Instance instance, int p, String position, String points, List<String> columns) {
        Project project = instance.projects().get(p);
        values.add(project.id());
        values.add(position);
        values.add(points);
        for (String c : columns) {
            values.add(c.equals("cost") ? instance.toCurrency(project.cost()).toPlainString() : project.columns().getOrDefault(c, ""));
        }
    }

    private static void row(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.write(',');
            String v = values.get(i);
            boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
            out.write(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        out.write("\r\n");
    }
}
