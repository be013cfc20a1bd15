package org.commonweal.platform.core.opendata;

/** One value written as an RFC 4180 CSV field. */
public final class CsvCell {
    private CsvCell() {
    }

    public static String of(Object value) {
        if (value == null) return "";
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        String s = value.toString();
        // A text cell starting like a formula would run as one when the file is opened in a spreadsheet
        // (CSV injection); a leading apostrophe keeps it text.
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.startsWith(" ") || s.endsWith(" ")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
