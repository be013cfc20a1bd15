package org.commonweal.elections.fptp;

import java.util.List;

/**
 * Reads constituency results from CSV text in any of the three layouts, recognised by the header:
 * {@link HocConstituencyCsv}, {@link HocCandidateCsv} or {@link SimpleResultsCsv}.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    /** @param source the file name errors should mention */
    public static List<ConstituencyResult> parse(String source, String text) {
        CsvTable table = CsvTable.parse(source, text);
        List<ConstituencyResult> results;
        if (HocConstituencyCsv.matches(table)) results = HocConstituencyCsv.read(table);
        else if (HocCandidateCsv.matches(table)) results = HocCandidateCsv.read(table);
        else if (SimpleResultsCsv.matches(table)) results = SimpleResultsCsv.read(table);
        else throw new ResultsFormatException(source, 1, "unrecognised header; expected the House of Commons Library constituency layout ('"
                    + HocConstituencyCsv.FIRST_PARTY_COLUMN + "', '" + HocConstituencyCsv.OTHERS_COLUMN + "'), its candidate layout ('"
                    + HocCandidateCsv.PARTY_COLUMN + "', 'Votes'), or '" + String.join(",", SimpleResultsCsv.HEADER) + "'");
        if (results.isEmpty()) throw new ResultsFormatException(source, 0, "no results after the header");
        return results;
    }
}
