package org.commonweal.opinion.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file (RFC 4180, read by Jackson) as a header and rows, each row knowing the line it starts on. */
final class Csv {
    record Row(int line, List<String> fields) {
    }

    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    final String file;
    final Map<String, Integer> header = new HashMap<>();
    final List<Row> rows = new ArrayList<>();

    private Csv(String file) {
        this.file = file;
    }

    static Csv parse(String file, String text, String... required) throws OpinionFormatException {
        Csv csv = new Csv(file);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Row> all = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue()) {
                String[] fields = it.nextValue();
                int line = (int) it.getParser().currentTokenLocation().getLineNr();
                all.add(new Row(line, List.of(fields)));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new OpinionFormatException(file, line, null, "is not valid CSV (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new OpinionFormatException(file, 0, null, "cannot be read (" + e.getMessage() + ")");
        }
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
