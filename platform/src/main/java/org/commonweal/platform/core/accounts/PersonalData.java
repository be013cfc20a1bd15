package org.commonweal.platform.core.accounts;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What each feature keeps about a person, for their own download (UK GDPR art. 15, right of access). Features never
 * read each other's tables, so each registers the sections it owns in its constructor; the account export asks every
 * section inside one read-only snapshot. Sections come out in name order, an empty one as an empty list, so a person
 * sees every place the platform looked.
 */
public final class PersonalData {
    /** One section's rows for an account: only that person's own data, never another person's email or private data. */
    @FunctionalInterface
    public interface Section {
        List<Map<String, Object>> rows(Handle h, long accountId);
    }

    /**
     * What a feature does, inside the deletion's transaction, with what it keeps about a person whose account is being
     * deleted, beyond what the foreign keys already do (for instance, break a keyed link that names no account id).
     */
    @FunctionalInterface
    public interface Eraser {
        void erase(Handle h, long accountId);
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,60}");
    private final Map<String, Section> sections = new ConcurrentSkipListMap<>();
    private final Map<String, Eraser> erasers = new ConcurrentSkipListMap<>();
    private final String baseUrl;

    /** @param baseUrl the platform's public address, put before the site paths of the items' pages */
    public PersonalData(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Registers a section; a name has exactly one owner. */
    public void register(String name, Section section) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("section name must be lower-case words with dashes: " + name);
        if (sections.putIfAbsent(name, section) != null) throw new IllegalStateException("personal data section registered twice: " + name);
    }

    /** Registers what to do with the named kind of data when an account is deleted; a name has exactly one owner. */
    public void onErase(String name, Eraser eraser) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("eraser name must be lower-case words with dashes: " + name);
        if (erasers.putIfAbsent(name, eraser) != null) throw new IllegalStateException("personal data eraser registered twice: " + name);
    }

    /** Runs every registered eraser for the account, in name order, in the caller's transaction (the account's deletion). */
    public void erase(Handle h, long accountId) {
        erasers.values().forEach(e -> e.erase(h, accountId));
    }

    /** Every section's rows for the account, by section name in name order. */
    public Map<String, List<Map<String, Object>>> of(Handle h, long accountId) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        sections.forEach((name, section) -> out.put(name, List.copyOf(section.rows(h, accountId))));
        return out;
    }

    /**
     * The query's rows as maps a JSON writer prints plainly: column names in camelCase, times as ISO-8601 strings,
     * dates as yyyy-mm-dd, arrays as lists.
     */
    public List<Map<String, Object>> rows(Query query) {
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** As {@link #rows(Query)}, each row then given a {@code url}: the absolute address of the site path {@code page} names for it. */
    public List<Map<String, Object>> rows(Query query, Function<Map<String, Object>, String> page) {
        List<Map<String, Object>> rows = rows(query);
        for (Map<String, Object> row : rows) row.put("url", url(page.apply(row)));
        return rows;
    }

    /** A site path ("/problems/3") as the absolute address printed in the download. */
    public String url(String path) {
        return path == null ? null : baseUrl + path;
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(camel(meta.getColumnLabel(i)), value(rs, i, meta.getColumnType(i), meta.getColumnTypeName(i)));
        }
        return row;
    }

    private Object value(ResultSet rs, int i, int type, String typeName) throws SQLException {
        if (rs.getObject(i) == null) return null;
        if ("timestamptz".equals(typeName) || type == Types.TIMESTAMP_WITH_TIMEZONE) return rs.getObject(i, OffsetDateTime.class).toString();
        if (type == Types.TIMESTAMP) return rs.getObject(i, LocalDateTime.class).toString();
        if (type == Types.DATE) return rs.getObject(i, LocalDate.class).toString();
        if (type == Types.ARRAY) {
            Array array = rs.getArray(i);
            return new ArrayList<>(Arrays.asList((Object[]) array.getArray()));
        }
        return rs.getObject(i);
    }

    private static String camel(String column) {
        StringBuilder b = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') upper = true;
            else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
