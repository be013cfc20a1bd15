package org.commonweal.elections.stv;

import java.util.Arrays;

/** A growable list of ints without boxing: the ballot groups a candidate currently holds. */
final class IntList {
    private int[] items = new int[8];
    private int size;

    void add(int value) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = value;
    }

    int get(int i) {
        return items[i];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
