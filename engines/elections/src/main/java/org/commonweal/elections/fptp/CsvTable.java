package org.commonweal.elections.fptp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) split into a header
 * and rows, each row remembering the line it starts on so that errors can name it.
 */
final class CsvTable {
    record Row(int line, List<String> fields) {
    }

    private final String source;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows;

    private CsvTable(String source, List<String> header, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i).trim(), i);
    }

    static CsvTable parse(String source, String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Row> all = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    field.append(ch);
                }
            } else if (ch == '"') {
                if (!field.isEmpty()) throw new ResultsFormatException(source, line, "a quote inside an unquoted field");
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) all.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                line++;
                rowLine = line;
            } else {
                if (fieldWasQuoted) throw new ResultsFormatException(source, line, "text after a closing quote");
                field.append(ch);
            }
        }
        if (quoted) throw new ResultsFormatException(source, rowLine, "a quoted field is never closed");
        if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            all.add(new Row(rowLine, List.copyOf(fields)));
        }
        if (all.isEmpty()) throw new ResultsFormatException(source, 0, "the file is empty");
        return new CsvTable(source, all.get(0).fields(), all.subList(1, all.size()));
    }

    String source() {
        return source;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    int column(String name) {
        Integer i = columns.get(name);
        if (i == null) throw new ResultsFormatException(source, 1, "missing column '" + name + "'");
        return i;
    }

    String text(Row row, int column) {
        if (row.fields().size() != header.size()) {
            throw new ResultsFormatException(source, row.line(), "expected " + header.size() + " fields, found " + row.fields().size());
        }
        return row.fields().get(column).trim();
    }

    String required(Row row, int column) {
        String value = text(row, column);
        if (value.isEmpty()) throw new ResultsFormatException(source, row.line(), "empty '" + header.get(column).trim() + "'");
        return value;
    }

    long count(Row row, int column) {
        String value = text(row, column);
        try {
            long n = Long.parseLong(value.replace(",", ""));
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ResultsFormatException(source, row.line(), "'" + header.get(column).trim() + "' is not a vote count: '" + value + "'");
        }
    }
}
