package org.commonweal.platform.opportunities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded CSV file (RFC 4180, read by Jackson) of a kind ("providers", "opportunities", "sessions") as its header and rows, each row numbered as a spreadsheet shows it
 * (the header is row 1). A file that cannot be read says why, with the line.
 */
record CsvFile(String kind, String name, List<String> header, List<Row> rows) {
    record Row(int number, List<String> cells) {
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    /** Why a file could not be read: a message key and its arguments (the file's name first). */
    record Unreadable(String messageKey, Object... args) {
    }

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    static Object parse(String kind, String name, String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> all = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(text.replace("\r\n", "\n"))) {
            while (it.hasNextValue()) all.add(List.of(it.nextValue()));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Unreadable("opportunities.import.error.csv", name, line, e.getOriginalMessage());
        } catch (IOException e) {
            return new Unreadable("opportunities.import.error.csv", name, 0, e.getMessage());
        }
        if (all.isEmpty()) return new Unreadable("opportunities.import.error.empty", name);
        List<String> header = all.getFirst().stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).size() != header.size()) {
                return new Unreadable("opportunities.import.error.width", name, i + 1, all.get(i).size(), header.size());
            }
            rows.add(new Row(i + 1, all.get(i)));
        }
        return new CsvFile(kind, name, header, rows);
    }
}
