package org.commonweal.pb;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, ordered row of named values that shares its column names with every other row of the
 * same table. A file with 100,000 voters would otherwise hold 100,000 copies of the same header in
 * per-row hash maps; here a row costs one array of values.
 */
public final class Columns extends AbstractMap<String, String> {
    private final String[] names;
    private final String[] values;

    private Columns(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A row over {@code names}. The names array is shared, not copied, so the caller must pass the same
     * never-modified array for every row of a table; values is taken over by the row.
     */
    public static Columns of(String[] names, String[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " column names but " + values.length + " values");
        }
        return new Columns(names, values);
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) return values[i];
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String name : names) {
            if (name.equals(key)) return true;
        }
        return false;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= names.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    /** Copies any map into an immutable ordered row (a {@code Columns} is returned as it is). */
    public static Map<String, String> copyOf(Map<String, String> map) {
        if (map instanceof Columns c) return c;
        String[] n = new String[map.size()];
        String[] v = new String[map.size()];
        int i = 0;
        for (Entry<String, String> e : map.entrySet()) {
            n[i] = e.getKey();
            v[i] = e.getValue();
            i++;
        }
        return new Columns(n, v);
    }
}
