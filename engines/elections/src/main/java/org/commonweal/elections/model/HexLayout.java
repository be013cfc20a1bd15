package org.commonweal.elections.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Constituencies as hexagons on a grid (the Open Innovations HexJSON "odd-r" layout: rows {@code r} grow
 * northwards, odd rows sit half a hexagon to the right), for the seat map and for grouping adjacent seats.
 */
public record HexLayout(Map<String, Hex> hexes) {
    public record Hex(String id, String name, int q, int r) {
    }

    public HexLayout {
        hexes = Map.copyOf(hexes);
    }

    /** The constituencies next to this one in the layout (up to six). */
    public List<Hex> neighbours(Hex h, Map<Long, Hex> byPosition) {
        boolean odd = Math.floorMod(h.r(), 2) == 1;
        int[][] steps = odd
                ? new int[][]{{-1, 0}, {1, 0}, {0, -1}, {1, -1}, {0, 1}, {1, 1}}
                : new int[][]{{-1, 0}, {1, 0}, {-1, -1}, {0, -1}, {-1, 1}, {0, 1}};
        List<Hex> out = new ArrayList<>();
        for (int[] s : steps) {
            Hex n = byPosition.get(position(h.q() + s[0], h.r() + s[1]));
            if (n != null) out.add(n);
        }
        return out;
    }

    /**
     * The hexes of these constituencies, keyed by their ids in the results: matched by id, else by name
     * (the layout may carry an earlier code for a seat whose boundaries did not change). Constituencies the
     * layout does not have are left out.
     */
    public HexLayout matching(List<org.commonweal.elections.fptp.ConstituencyResult> results) {
        Map<String, Hex> byName = new java.util.HashMap<>();
        for (Hex h : hexes.values()) byName.putIfAbsent(h.name(), h);
        Map<String, Hex> out = new java.util.HashMap<>();
        for (var r : results) {
            Hex h = hexes.containsKey(r.id()) ? hexes.get(r.id()) : byName.get(r.name());
            if (h != null) out.put(r.id(), new Hex(r.id(), r.name(), h.q(), h.r()));
        }
        return new HexLayout(out);
    }

    public Map<Long, Hex> byPosition() {
        Map<Long, Hex> out = new java.util.HashMap<>();
        for (Hex h : hexes.values()) out.put(position(h.q(), h.r()), h);
        return out;
    }

    private static long position(int q, int r) {
        return ((long) q << 32) ^ (r & 0xffffffffL);
    }
}
