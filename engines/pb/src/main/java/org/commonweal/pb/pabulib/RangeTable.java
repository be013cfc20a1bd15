package org.commonweal.pb.pabulib;

import java.util.Arrays;

/**
 * Strings numbered 0, 1, 2, ... in the order added, looked up by a range of characters of a longer text,
 * so the reader finds a project id or a repeated voter value without cutting a substring for each one.
 */
final class RangeTable {
    private String[] keys = new String[16];
    private int[] slots = new int[32];
    private int size;

    RangeTable() {
        Arrays.fill(slots, -1);
    }

    int size() {
        return size;
    }

    String key(int id) {
        return keys[id];
    }

    /** The number of {@code text[from, to)}, or -1 when it was never added. */
    int find(String text, int from, int to) {
        int length = to - from;
        int mask = slots.length - 1;
        for (int s = hash(text, from, to) & mask; ; s = (s + 1) & mask) {
            int id = slots[s];
            if (id < 0) return -1;
            String key = keys[id];
            if (key.length() == length && sameChars(key, text, from)) return id;
        }
    }

    /** Adds a string not yet in the table and returns its number. */
    int add(String key) {
        if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
        keys[size] = key;
        if (2 * (size + 1) > slots.length) rehash(slots.length * 2);
        place(size);
        return size++;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        for (int id = 0; id < size; id++) place(id);
    }

    private void place(int id) {
        int mask = slots.length - 1;
        int s = hash(keys[id], 0, keys[id].length()) & mask;
        while (slots[s] >= 0) s = (s + 1) & mask;
        slots[s] = id;
    }

    /** A plain loop: String.regionMatches is slow when one string is Latin-1 and the other UTF-16, as here. */
    private static boolean sameChars(String key, String text, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != text.charAt(from + i)) return false;
        }
        return true;
    }

    private static int hash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + text.charAt(i);
        return h ^ (h >>> 16);
    }
}
