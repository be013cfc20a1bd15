package org.commonweal.opinion.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An RFC 4180 CSV text (quoted fields may hold commas, doubled quotes and line breaks); rows know their line. */
final class Csv {
    record Row(int line, List<String> fields) {
    }

    final String file;
    final Map<String, Integer> header = new HashMap<>();
    final List<Row> rows = new ArrayList<>();

    private Csv(String file) {
        this.file = file;
    }

    static Csv parse(String file, String text, String... required) throws OpinionFormatException {
        Csv csv = new Csv(file);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Row> all = text.indexOf('"') < 0 ? unquoted(text) : quoted(file, text);
        if (all.isEmpty()) throw new OpinionFormatException(file, 0, null, "is empty");
        List<String> head = all.get(0).fields();
        for (int i = 0; i < head.size(); i++) csv.header.putIfAbsent(head.get(i).trim(), i);
        for (String column : required) {
            if (!csv.header.containsKey(column)) throw new OpinionFormatException(file, 1, column, "the header has no such column");
        }
        for (Row r : all.subList(1, all.size())) {
            if (r.fields().size() != head.size()) {
                throw new OpinionFormatException(file, r.line(), null, "has " + r.fields().size() + " fields where the header has " + head.size());
            }
            csv.rows.add(r);
        }
        return csv;
    }

    /** Votes files hold no quotes: lines split at commas, which is several times quicker in a cold JVM. */
    private static List<Row> unquoted(String text) {
        List<Row> all = new ArrayList<>();
        int line = 0;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) end = text.length();
            line++;
            int stop = end > at && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (stop > at) all.add(new Row(line, List.of(text.substring(at, stop).split(",", -1))));
            at = end + 1;
        }
        return all;
    }

    private static List<Row> quoted(String file, String text) throws OpinionFormatException {
        List<Row> all = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean closed = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                    closed = true;
                } else {
                    if (ch == '\n') line++;
                    field.append(ch);
                }
            } else if (ch == '"') {
                if (!field.isEmpty() || closed) throw new OpinionFormatException(file, line, null, "a quote inside an unquoted field");
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closed = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                field.setLength(0);
                closed = false;
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) all.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                line++;
                rowLine = line;
            } else {
                if (closed) throw new OpinionFormatException(file, line, null, "text after a closing quote");
                field.append(ch);
            }
        }
        if (quoted) throw new OpinionFormatException(file, rowLine, null, "a quoted field is never closed");
        if (!field.isEmpty() || !fields.isEmpty() || closed) {
            fields.add(field.toString());
            all.add(new Row(rowLine, List.copyOf(fields)));
        }
        return all;
    }

    String get(Row row, String column) {
        return row.fields().get(header.get(column));
    }

    long integer(Row row, String column) throws OpinionFormatException {
        String v = get(row, column).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new OpinionFormatException(file, row.line(), column, "should be a whole number, not \"" + v + "\"");
        }
    }
}
